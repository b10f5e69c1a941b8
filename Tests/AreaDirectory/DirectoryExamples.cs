using System.Text;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.AreaDirectory;

/// <summary>The fictional directory under docs/examples/directory, which the README points admins to.</summary>
public static class DirectoryExamples
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "docs", "examples", "directory");

    public static IReadOnlyList<DirectoryFile> Files() =>
        Directory.GetFiles(Folder, "*.csv").Order(StringComparer.Ordinal)
            .Select(f => new DirectoryFile(Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToArray();

    public static OfficeDirectory Load()
    {
        var result = DirectoryImport.Read(Files(), OfficeDirectory.Empty);
        Assert.Empty(result.Problems);
        return result.Directory!;
    }

    public static DirectoryFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>The example files with one of them replaced.</summary>
    public static IReadOnlyList<DirectoryFile> With(string name, string text) =>
        [.. Files().Where(f => f.Name != name), Csv(name, text)];
}
