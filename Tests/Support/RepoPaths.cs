namespace SupervisionBot.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool) => Path.Combine(Root, "node_modules", ".bin", tool);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupervisionBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find SupervisionBot.sln above " + AppContext.BaseDirectory);
    }
}
