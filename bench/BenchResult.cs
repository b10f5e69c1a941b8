using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace SupervisionBot.Bench;

internal sealed record PhaseResult(int Turns, int Errors, double Seconds, double TurnsPerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static PhaseResult From(Measurement m) =>
        new(m.Turns, m.Errors, m.Elapsed.TotalSeconds, m.TurnsPerSecond, m.Percentile(50), m.Percentile(90), m.Percentile(99), m.Max);
}

/// <summary>
/// CPU each process burnt per turn during one phase, and how busy that kept the machine (1.0 = every core
/// all the time). Without profilers on this machine, this is what says where a turn's time goes.
/// </summary>
internal sealed record CpuShare(double BotMsPerTurn, double AzuriteMsPerTurn, double HarnessMsPerTurn, double MachineBusy);

internal sealed record TargetResult(string Name, string Limit, string Measured, string Status);

internal sealed record MachineInfo(int Cores, string Os, string Runtime, string LoadAverageBefore, string LoadAverageAfter);

internal sealed record BenchResult(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    int Conversations,
    int Turns,
    int Warmup,
    int Rounds,
    double ReadyMs,
    double IdleRssMiB,
    double RssMiB,
    double PeakRssMiB,
    PhaseResult Bot,
    PhaseResult Baseline,
    double Ratio,
    double[] RoundRatios,
    CpuShare BotPhaseCpu,
    CpuShare BaselinePhaseCpu,
    int RepliesMissing,
    int RepliesDuplicated,
    int ConnectorUnauthorized,
    int TokenRequests,
    int KeyRequests,
    IReadOnlyList<TargetResult> Targets)
{
    public const double MinRatio = 0.70;
    public const double MaxP99Ms = 50;
    public const int P99Conversations = 32;
    public const double MaxReadyMs = 2000;
    public const double MaxRssMiB = 150;
    public const int RssTurns = 10_000;

    public static IReadOnlyList<TargetResult> Evaluate(int conversations, int turns, double ratio, double p99, double readyMs, double rssMiB) =>
    [
        new("throughput vs storage baseline", $">= {MinRatio:F2}", F(ratio, "F2"), Status(ratio >= MinRatio)),
        new($"p99 latency at {P99Conversations} conversations", $"<= {MaxP99Ms:F0} ms", F(p99, "F1") + " ms",
            conversations == P99Conversations ? Status(p99 <= MaxP99Ms) : $"N/A (ran {conversations})"),
        new("ready after process start", $"<= {MaxReadyMs:F0} ms", F(readyMs, "F0") + " ms", Status(readyMs <= MaxReadyMs)),
        new($"RSS after {RssTurns:N0} turns", $"<= {MaxRssMiB:F0} MiB", F(rssMiB, "F1") + " MiB",
            turns >= RssTurns ? Status(rssMiB <= MaxRssMiB) : $"N/A (ran {turns})"),
    ];

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine($"SupervisionBot turn benchmark: {Conversations} conversations, {Turns:N0} turns in {Rounds} rounds (+{Warmup:N0} warm-up), {Machine.Cores} cores, {Machine.Runtime}");
        text.AppendLine($"load average before {Machine.LoadAverageBefore}, after {Machine.LoadAverageAfter}");
        text.AppendLine();
        text.AppendLine($"{"phase",-26}{"turns",8}{"errors",8}{"seconds",9}{"turns/s",10}{"p50 ms",9}{"p90 ms",9}{"p99 ms",9}{"max ms",9}");
        Row("bot (HTTP, auth, store)", Bot);
        Row("storage baseline", Baseline);
        text.AppendLine();
        text.AppendLine($"ratio bot / baseline turns/s: {F(Ratio, "F2")} (per round: {string.Join(", ", RoundRatios.Select(r => F(r, "F2")))})");
        text.AppendLine($"ready: {F(ReadyMs, "F0")} ms    RSS: {F(IdleRssMiB, "F1")} MiB when ready, {F(RssMiB, "F1")} MiB after the run (peak {F(PeakRssMiB, "F1")} MiB)");
        text.AppendLine($"CPU ms per turn   {"bot",8}{"azurite",9}{"harness",9}   machine busy");
        Cpu("  bot phase", BotPhaseCpu);
        Cpu("  baseline phase", BaselinePhaseCpu);
        text.AppendLine($"replies missing {RepliesMissing}, duplicated {RepliesDuplicated}; connector calls refused {ConnectorUnauthorized}; token requests {TokenRequests}; JWKS fetches {KeyRequests}");
        text.AppendLine();
        text.AppendLine($"{"target",-36}{"limit",-12}{"measured",-14}result");
        foreach (var target in Targets)
        {
            text.AppendLine($"{target.Name,-36}{target.Limit,-12}{target.Measured,-14}{target.Status}");
        }
        return text.ToString();

        void Row(string name, PhaseResult p) =>
            text.AppendLine($"{name,-26}{p.Turns,8}{p.Errors,8}{F(p.Seconds, "F2"),9}{F(p.TurnsPerSecond, "F1"),10}{F(p.P50Ms, "F1"),9}{F(p.P90Ms, "F1"),9}{F(p.P99Ms, "F1"),9}{F(p.MaxMs, "F1"),9}");

        void Cpu(string name, CpuShare c) =>
            text.AppendLine($"{name,-18}{F(c.BotMsPerTurn, "F2"),8}{F(c.AzuriteMsPerTurn, "F2"),9}{F(c.HarnessMsPerTurn, "F2"),9}   {F(c.MachineBusy * 100, "F0")}%");
    }

    private static string Status(bool met) => met ? "PASS" : "FAIL";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJson : JsonSerializerContext;
