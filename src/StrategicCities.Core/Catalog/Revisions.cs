namespace StrategicCities.Core.Catalog;

/// <summary>
/// Splits the files of one kind into the newest revision of each version (what a date selects for a new case) and
/// every revision by content hash (what a pinned case asks for). A revision corrects the encoding of a version, not
/// the law: it keeps revision 1's start (<c>validFrom</c>, which is also the version's name), and revision 1 must still
/// be there. Its end may move, and only so that a new version can start where the original encoding missed a change
/// of the law; the series checks then see the newest revisions side by side.
/// </summary>
public static class Revisions
{
    /// <summary>Newest revision of each (layer, jurisdiction, id, version), and every file by content hash.</summary>
    /// <typeparam name="T">A rule-set version, an overlay or a procedure file.</typeparam>
    /// <param name="files">Every file read.</param>
    /// <param name="header">The file's header.</param>
    /// <param name="problems">Where a revision that changes validity or lacks its original is reported.</param>
    public static (List<T> Current, Dictionary<string, T> ByHash) Split<T>(
        IEnumerable<T> files, Func<T, RuleFileHeader> header, ICollection<CatalogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(problems);
        var current = new List<T>();
        var byHash = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var group in files.GroupBy(f => (header(f).Layer, header(f).Jurisdiction, header(f).Id, header(f).Version)))
        {
            var ordered = group.OrderBy(f => header(f).Revision).ToList();
            foreach (var file in ordered)
            {
                byHash.TryAdd(header(file).ContentHash, file);
            }

            var first = header(ordered[0]);
            var newest = ordered[^1];
            if (first.Revision != 1)
            {
                problems.Add(new(first.File, null, "revision.without-original",
                    $"revision {first.Revision} of version {first.Version} has no revision 1 ({RuleFileLocation.FileName(first.Version, 1)}): a released file is never removed, applications may have pinned it"));
            }

            foreach (var later in ordered.Skip(1).Select(header).Where(h => h.Validity.From != first.Validity.From))
            {
                problems.Add(new(later.File, null, "revision.validity-changed",
                    $"a revision corrects the encoding of version {later.Version} and keeps its start {first.Validity.From:yyyy-MM-dd}; this one starts {later.Validity.From:yyyy-MM-dd}. A change of the law on a date is a new version"));
            }

            current.Add(newest);
        }

        return (current, byHash);
    }
}
