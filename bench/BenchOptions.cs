using System.Globalization;

namespace SupervisionBot.Bench;

/// <summary>Which turns are measured: typed messages, card-submit presses, or both in one run (message first).</summary>
[Flags]
internal enum Workloads
{
    Message = 1,
    Card = 2,
    Both = Message | Card,
}

internal sealed record BenchOptions(int Conversations, int Turns, int Warmup, int Rounds, Workloads Workloads, string? OutputPath, bool Build, TimeSpan Timeout)
{
    public const string Usage = """
        dotnet run -c Release --project bench -- [options]
          --conversations N   concurrent personal chats, one closed-loop sender each (default 32)
          --workload W        message (typed messages), card (card-submit presses on an open form) or both,
                              one after the other against the same bot (default both)
          --turns N           measured turns per workload, split evenly over the chats (default 10000)
          --warmup N          turns before measuring, on other chats, for JIT, connections and key/token caches (default 500)
          --rounds N          split the turns into N alternating baseline/bot rounds (ABBA order), so a change in the
                              machine's background load hits both sides alike (default 4)
          --out PATH          JSON result file (default artifacts/bench/result.json under the repository)
          --no-build          use the existing Release build of the bot instead of building it first
          --timeout SECONDS   give up (exit 1) when the whole run takes longer (default 900)
        Exit code 0 when the run measured, whether or not targets were met; 1 when the harness failed; 2 for bad arguments.
        """;

    /// <returns>Null with no error for --help, null with an error for bad arguments.</returns>
    public static BenchOptions? Parse(string[] args, out string? error)
    {
        var options = new BenchOptions(32, 10_000, 500, 4, Workloads.Both, null, true, TimeSpan.FromSeconds(900));
        error = null;
        if (args.Contains("--help"))
        {
            return null;
        }
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            int Count(int min, int max)
            {
                var name = args[i];
                return int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new FormatException($"{name} must be a whole number from {min} to {max}");
            }
            try
            {
                options = args[i] switch
                {
                    "--conversations" => options with { Conversations = Count(1, 1024) },
                    "--turns" => options with { Turns = Count(1, 1_000_000) },
                    "--warmup" => options with { Warmup = Count(0, 100_000) },
                    "--rounds" => options with { Rounds = Count(1, 100) },
                    "--workload" => options with
                    {
                        Workloads = Value() switch
                        {
                            "message" => Workloads.Message,
                            "card" => Workloads.Card,
                            "both" => Workloads.Both,
                            _ => throw new FormatException("--workload must be message, card or both"),
                        },
                    },
                    "--out" => options with { OutputPath = Value() },
                    "--no-build" => options with { Build = false },
                    "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Count(10, 24 * 3600)) },
                    _ => throw new FormatException($"unknown option {args[i]}"),
                };
            }
            catch (FormatException ex)
            {
                error = ex.Message;
                return null;
            }
        }
        if (options.Turns / options.Rounds < options.Conversations || (options.Warmup > 0 && options.Warmup < options.Conversations))
        {
            error = "--turns / --rounds and --warmup (unless 0) must be at least --conversations, so every chat takes part";
            return null;
        }
        return options;
    }
}
