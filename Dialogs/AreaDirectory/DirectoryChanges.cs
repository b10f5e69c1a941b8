namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>How many rows of one kind an import adds, removes and changes.</summary>
public sealed record KindChanges(DirectoryKind Kind, int Added, int Removed, int Changed, int Total)
{
    public bool Any => Added + Removed + Changed > 0;
}

/// <summary>What an import changed, kind by kind: the summary the admin reads.</summary>
public sealed record DirectoryChanges(IReadOnlyList<KindChanges> Kinds)
{
    public bool Any => Kinds.Any(k => k.Any);

    public static DirectoryChanges Between(OfficeDirectory before, OfficeDirectory after) =>
        new(Enum.GetValues<DirectoryKind>().Select(kind => Compare(kind, before, after)).ToArray());

    private static KindChanges Compare(DirectoryKind kind, OfficeDirectory before, OfficeDirectory after)
    {
        // Rows are compared as the CSV cells they export to: one definition of "the same".
        var old = DirectoryExport.Records(before, kind).ToDictionary(r => r[0], r => string.Join('\u001F', r), StringComparer.OrdinalIgnoreCase);
        var now = DirectoryExport.Records(after, kind).ToDictionary(r => r[0], r => string.Join('\u001F', r), StringComparer.OrdinalIgnoreCase);
        var added = now.Keys.Count(k => !old.ContainsKey(k));
        var removed = old.Keys.Count(k => !now.ContainsKey(k));
        var changed = now.Count(r => old.TryGetValue(r.Key, out var was) && was != r.Value);
        return new KindChanges(kind, added, removed, changed, now.Count);
    }

    public override string ToString() =>
        string.Join(Environment.NewLine, Kinds.Select(k =>
            $"{DirectoryFiles.FileNames[k.Kind]}: {k.Total} rows ({k.Added} added, {k.Removed} removed, {k.Changed} changed)"));
}
