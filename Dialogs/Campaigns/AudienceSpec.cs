using System.Globalization;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>The kinds of people an audience term names.</summary>
public enum AudienceKind
{
    Group,
    School,
    Role,
    Area,
    Centre,
    Visits,
}

/// <summary>One term, e.g. <c>group:1</c>, with where it stands in the text (1-based) for error messages.</summary>
public sealed record AudienceTerm(AudienceKind Kind, string Value, int Position);

/// <summary>Terms joined by "," (any of them); a spec's clauses, joined by ";", must all hold.</summary>
public sealed record AudienceClause(IReadOnlyList<AudienceTerm> Terms);

/// <summary>What is wrong with an audience and where (1-based character position; 0 when it is not one place).</summary>
public sealed record AudienceError(int Position, LocalizedText Message)
{
    public string Get(Cards.Language language) =>
        Position > 0
            ? language == Cards.Language.Thai ? $"ตำแหน่งที่ {Position}: {Message.Th}" : $"at position {Position}: {Message.En}"
            : Message.Get(language);
}

/// <summary>
/// Who a campaign goes to, as typed: <c>group:1,group:3;role:teacher;area:science</c> means
/// (group 1 or group 3) and teachers and science. Clauses separated by ";" are ANDed; terms
/// separated by "," are ORed; a term without a kind takes the kind before it (<c>group:1,3</c>).
/// </summary>
public sealed record AudienceSpec(IReadOnlyList<AudienceClause> Clauses)
{
    private static readonly Dictionary<string, AudienceKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["group"] = AudienceKind.Group,
        ["school"] = AudienceKind.School,
        ["role"] = AudienceKind.Role,
        ["area"] = AudienceKind.Area,
        ["centre"] = AudienceKind.Centre,
        ["center"] = AudienceKind.Centre,
        ["visits"] = AudienceKind.Visits,
        ["visit"] = AudienceKind.Visits,
    };

    private const string KindList = "group, school, role, area, centre, visits";

    public override string ToString() =>
        string.Join(';', Clauses.Select(c => string.Join(',', c.Terms.Select(t => $"{t.Kind.ToString().ToLowerInvariant()}:{t.Value}"))));

    /// <summary>Reads <paramref name="text"/>; on a mistake, <paramref name="error"/> says where and what was expected.</summary>
    public static bool TryParse(string? text, out AudienceSpec spec, out AudienceError? error)
    {
        spec = new AudienceSpec([]);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new AudienceError(0, new("ยังไม่ได้ระบุผู้รับ เช่น group:1;role:teacher", "no audience given; expected e.g. group:1;role:teacher"));
            return false;
        }
        var clauses = new List<AudienceClause>();
        var offset = 0;
        foreach (var clauseText in text.Split(';'))
        {
            var terms = new List<AudienceTerm>();
            AudienceKind? previous = null;
            var termOffset = offset;
            foreach (var raw in clauseText.Split(','))
            {
                var position = termOffset + LeadingSpaces(raw) + 1;
                termOffset += raw.Length + 1;
                if (ParseTerm(raw.Trim(), position, previous) is not { } term)
                {
                    error = TermError(raw.Trim(), position, previous);
                    return false;
                }
                if (CheckValue(term) is { } problem)
                {
                    error = problem;
                    return false;
                }
                terms.Add(term);
                previous = term.Kind;
            }
            clauses.Add(new AudienceClause(terms));
            offset += clauseText.Length + 1;
        }
        spec = new AudienceSpec(clauses);
        return true;
    }

    private static int LeadingSpaces(string text) => text.Length - text.TrimStart().Length;

    private static AudienceTerm? ParseTerm(string term, int position, AudienceKind? previous)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return previous is { } kind && term.Length > 0 ? new AudienceTerm(kind, term, position) : null;
        }
        var value = term[(colon + 1)..].Trim();
        return Kinds.TryGetValue(term[..colon].Trim(), out var named) && value.Length > 0
            ? new AudienceTerm(named, value, position)
            : null;
    }

    private static AudienceError TermError(string term, int position, AudienceKind? previous)
    {
        if (term.Length == 0)
        {
            return new(position, new($"ว่างอยู่ ต้องมีเงื่อนไข เช่น group:1 ({KindList})", $"empty; expected a term such as group:1 (kinds: {KindList})"));
        }
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new(position, new($"“{term}” ไม่มีชนิด ต้องเขียนเป็น ชนิด:ค่า ({KindList})", $"“{term}” has no kind; expected kind:value (kinds: {KindList})"));
        }
        return Kinds.ContainsKey(term[..colon].Trim())
            ? new(position + colon + 1, new($"ต้องมีค่าหลัง “{term[..(colon + 1)]}”", $"expected a value after “{term[..(colon + 1)]}”"))
            : new(position, new($"ไม่รู้จักชนิด “{term[..colon].Trim()}” ใช้ได้: {KindList}", $"unknown kind “{term[..colon].Trim()}”; expected one of: {KindList}"));
    }

    /// <summary>Values that can be checked without the directory: numbers, role codes, learning areas.</summary>
    private static AudienceError? CheckValue(AudienceTerm term) => term.Kind switch
    {
        AudienceKind.Group when !int.TryParse(term.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 =>
            new(term.Position, new($"กลุ่มโรงเรียน “{term.Value}” ต้องเป็นเลขกลุ่ม เช่น group:1", $"group “{term.Value}” must be a group number, e.g. group:1")),
        AudienceKind.Role when RoleOf(term.Value) is null =>
            new(term.Position, new($"ไม่รู้จักบทบาท “{term.Value}” ใช้ได้: {RoleCodeList}", $"unknown role “{term.Value}”; expected one of: {RoleCodeList}")),
        AudienceKind.Area when AreaOf(term.Value) is null =>
            new(term.Position, new($"ไม่รู้จักกลุ่มสาระ “{term.Value}” ใช้ได้: {AreaCodeList}", $"unknown learning area “{term.Value}”; expected a code ({AreaCodeList}) or its English name, e.g. science")),
        _ => null,
    };

    private static string RoleCodeList => string.Join(", ", DirectoryFiles.RoleCodes.Keys);

    private static string AreaCodeList => string.Join(", ", LearningAreas.All.Select(a => a.Code));

    /// <summary>A people.csv role code; the form files' spelling with "-" works too.</summary>
    public static RespondentRole? RoleOf(string value) =>
        DirectoryFiles.RoleCodes.TryGetValue(value.Replace('-', '_'), out var role) ? role : null;

    /// <summary>A learning area by code (SC), Thai name, English name, or the English name's first word (science, math…).</summary>
    public static LearningArea? AreaOf(string value)
    {
        var wanted = value.Trim();
        return LearningAreas.All.FirstOrDefault(a => string.Equals(a.Code, wanted, StringComparison.OrdinalIgnoreCase)
            || a.Name.Th == wanted
            || string.Equals(a.Name.En, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(FirstWord(a.Name.En), wanted, StringComparison.OrdinalIgnoreCase)
            || (wanted.Length >= 4 && a.Name.En.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)));
    }

    private static string FirstWord(string name) => name.Split(' ', '-', ',')[0];
}
