using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Tests.Catalog;

/// <summary>Revisions of released files: the newest one is what a date selects, every one is reachable by its hash.</summary>
[TestFixture]
public sealed class RevisionsTests
{
    private static readonly DateOnly Start = new(2020, 1, 1);

    private static RuleFileHeader Header(int revision, string jurisdiction = "IT", string version = "2020-01-01", DateOnly? from = null, DateOnly? to = null)
    {
        var name = revision == 1 ? version + ".json" : $"{version}.r{revision}.json";
        var layer = jurisdiction == "IT" ? Layer.National : Layer.Municipality;
        var folder = layer == Layer.National ? "national" : "municipalities/" + jurisdiction;
        return new RuleFileHeader
        {
            Id = "determination",
            Layer = layer,
            Jurisdiction = jurisdiction,
            Version = version,
            Revision = revision,
            Validity = new Validity(from ?? Start, to),
            Instruments = [],
            File = $"{folder}/determination/{name}",
            ContentHash = $"sha256:{jurisdiction}-{version}-r{revision}",
        };
    }

    private static (List<RuleFileHeader> Current, Dictionary<string, RuleFileHeader> ByHash, List<CatalogProblem> Problems) Split(params RuleFileHeader[] files)
    {
        var problems = new List<CatalogProblem>();
        var (current, byHash) = Revisions.Split(files, h => h, problems);
        return (current, byHash, problems);
    }

    [Test]
    public void Split_OnlyRevision1_IsCurrentAndFoundByItsHash()
    {
        var (current, byHash, problems) = Split(Header(1));

        Assert.Multiple(() =>
        {
            Assert.That(current.Select(h => h.Revision), Is.EqualTo(new[] { 1 }));
            Assert.That(byHash.Keys, Is.EqualTo(new[] { "sha256:IT-2020-01-01-r1" }));
            Assert.That(problems, Is.Empty);
        });
    }

    [Test]
    public void Split_RevisionsGivenOutOfOrder_NewestIsCurrentAndEveryRevisionFoundByHash()
    {
        var (current, byHash, problems) = Split(Header(3), Header(1), Header(2));

        Assert.Multiple(() =>
        {
            Assert.That(current.Single().Revision, Is.EqualTo(3));
            Assert.That(byHash.Values.Select(h => h.Revision), Is.EquivalentTo(new[] { 1, 2, 3 }));
            Assert.That(byHash["sha256:IT-2020-01-01-r1"].Revision, Is.EqualTo(1));
            Assert.That(problems, Is.Empty);
        });
    }

    [Test]
    public void Split_RevisionThatMovesOnlyTheEnd_IsAcceptedAsCurrent()
    {
        var (current, _, problems) = Split(Header(1, to: new DateOnly(2023, 1, 1)), Header(2, to: new DateOnly(2022, 6, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(current.Single().Validity.To, Is.EqualTo(new DateOnly(2022, 6, 1)));
        });
    }

    [Test]
    public void Split_RevisionThatMovesTheStart_ReportedOnThatRevisionWithBothStarts()
    {
        var (current, _, problems) = Split(Header(1), Header(2), Header(3, from: new DateOnly(2020, 2, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => (p.Code, p.File)), Is.EqualTo(new[]
            {
                ("revision.validity-changed", "national/determination/2020-01-01.r3.json"),
            }));
            Assert.That(problems[0].Message, Does.Contain("2020-01-01").And.Contain("2020-02-01"));
            Assert.That(current.Single().Revision, Is.EqualTo(3));
        });
    }

    [Test]
    public void Split_RevisionWithoutRevision1_ReportedNamingTheMissingFile()
    {
        var (current, byHash, problems) = Split(Header(3), Header(2));

        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => (p.Code, p.File, p.Rule)), Is.EqualTo(new[]
            {
                ("revision.without-original", "national/determination/2020-01-01.r2.json", (string?)null),
            }));
            Assert.That(problems[0].Message, Does.Contain("revision 2").And.Contain("2020-01-01.json"));
            Assert.That(current.Single().Revision, Is.EqualTo(3));
            Assert.That(byHash, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Split_SameVersionInTwoJurisdictionsAndTwoVersions_EachHasItsOwnCurrent()
    {
        var (current, byHash, problems) = Split(
            Header(1), Header(2),
            Header(1, jurisdiction: "015146"),
            Header(1, version: "2022-01-01", from: new DateOnly(2022, 1, 1)));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(current.Select(h => h.File), Is.EquivalentTo(new[]
            {
                "national/determination/2020-01-01.r2.json",
                "municipalities/015146/determination/2020-01-01.json",
                "national/determination/2022-01-01.json",
            }));
            Assert.That(byHash, Has.Count.EqualTo(4));
        });
    }
}
