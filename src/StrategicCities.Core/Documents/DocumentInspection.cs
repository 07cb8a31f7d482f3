namespace StrategicCities.Core.Documents;

/// <summary>
/// What the service found in a document's bytes on arrival: never taken from the client. The upload path
/// (storage, checklist, events) and <c>permits documents verify</c> both read this one shape.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes as received (the content address).</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="MediaType">The media type recognised from the content (magic bytes), e.g. <c>application/pdf</c>,
/// <c>application/pkcs7-mime</c> for a CAdES envelope; <c>application/octet-stream</c> when nothing is recognised.</param>
/// <param name="PdfA">The PDF/A identification found in the XMP metadata (identification, not conformance validation);
/// null when the content (or the content inside the signature envelopes) is not a PDF or declares no PDF/A part.</param>
/// <param name="Signatures">Every signature found (CAdES envelopes, nested included, and PAdES signatures), outermost first.</param>
/// <param name="Refusal">A stable problem code when the content is not acceptable by policy (an executable, an archive
/// the configuration does not allow); null when acceptable. An invalid signature is not a refusal: it is reported.</param>
public sealed record DocumentInspection(
    string Sha256,
    long Length,
    string MediaType,
    PdfAIdentification? PdfA,
    IReadOnlyList<SignatureReport> Signatures,
    string? Refusal);

/// <summary>The PDF/A part and conformance level declared in the XMP <c>pdfaid</c> schema (e.g. 2 and "B").</summary>
public sealed record PdfAIdentification(int Part, string Conformance);

/// <summary>One signature and what could be proven about it.</summary>
/// <param name="Format"><c>cades</c> or <c>pades</c>.</param>
/// <param name="Valid">The cryptographic integrity holds (the signed content matches the signature).</param>
/// <param name="Signer">Name and codice fiscale from the signer's certificate (<c>TINIT-</c> serial number).</param>
/// <param name="SigningTime">The signed signing-time attribute, when present.</param>
/// <param name="Certificate">The signer's certificate.</param>
/// <param name="Problem">Why the signature is not valid or not trusted, as a stable code; null when valid and trusted.</param>
public sealed record SignatureReport(
    string Format,
    bool Valid,
    SignerIdentity Signer,
    DateTimeOffset? SigningTime,
    CertificateSummary Certificate,
    string? Problem);

/// <summary>The signer as the certificate names them.</summary>
public sealed record SignerIdentity(string? Name, string? CodiceFiscale);

/// <summary>The signer's certificate: issuer, validity, and whether the configured trust store knows its chain
/// (null = trust unknown: the store does not know the issuer).</summary>
public sealed record CertificateSummary(string Issuer, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool? Trusted);

/// <summary>Inspects a document's bytes. Implementations read the file once more than needed at most and never trust
/// a name or media type given by the client.</summary>
public interface IDocumentInspector
{
    /// <summary>Inspects the complete file at <paramref name="path"/> (already staged by the caller).</summary>
    Task<DocumentInspection> InspectAsync(string path, CancellationToken cancellationToken);
}
