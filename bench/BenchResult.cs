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

/// <summary>One workload's two sides, measured in the same rounds, and the bot's memory right after it.</summary>
internal sealed record WorkloadResult(
    string Name,
    string Turn,
    string BaselineTurn,
    PhaseResult Bot,
    PhaseResult Baseline,
    double Ratio,
    double[] RoundRatios,
    CpuShare BotPhaseCpu,
    CpuShare BaselinePhaseCpu,
    double RssMiB,
    double PeakRssMiB,
    IReadOnlyList<TargetResult> Targets);

internal sealed record BenchResult(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    int Conversations,
    int Turns,
    int Warmup,
    int Rounds,
    double ReadyMs,
    double IdleRssMiB,
    IReadOnlyList<WorkloadResult> Workloads,
    int RepliesMissing,
    int RepliesDuplicated,
    int ConnectorUnauthorized,
    int TokenRequests,
    int KeyRequests)
{
    public const double MinRatio = 0.70;
    public const double MaxP99Ms = 50;
    public const int P99Conversations = 32;
    public const double MaxReadyMs = 2000;
    public const double MaxRssMiB = 150;
    public const int RssTurns = 10_000;

    /// <param name="turnsSoFar">Turns the bot process has served when <paramref name="rssMiB"/> was read.</param>
    public static IReadOnlyList<TargetResult> Evaluate(int conversations, int turnsSoFar, double ratio, double p99, double readyMs, double rssMiB) =>
    [
        new("throughput vs storage baseline", $">= {MinRatio:F2}", F(ratio, "F2"), Status(ratio >= MinRatio)),
        new($"p99 latency at {P99Conversations} conversations", $"<= {MaxP99Ms:F0} ms", F(p99, "F1") + " ms",
            conversations == P99Conversations ? Status(p99 <= MaxP99Ms) : $"N/A (ran {conversations})"),
        new("ready after process start", $"<= {MaxReadyMs:F0} ms", F(readyMs, "F0") + " ms", Status(readyMs <= MaxReadyMs)),
        new($"RSS after {RssTurns:N0} turns", $"<= {MaxRssMiB:F0} MiB", F(rssMiB, "F1") + " MiB",
            turnsSoFar >= RssTurns ? Status(rssMiB <= MaxRssMiB) : $"N/A (ran {turnsSoFar})"),
    ];

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"SupervisionBot turn benchmark: {Conversations} conversations, {Turns:N0} turns per workload in {Rounds} rounds (+{Warmup:N0} warm-up), {Machine.Cores} cores, {Machine.Runtime}");
        text.AppendLine(CultureInfo.InvariantCulture, $"load average before {Machine.LoadAverageBefore}, after {Machine.LoadAverageAfter}");
        foreach (var w in Workloads)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.Name}: bot turn = {w.Turn}; baseline turn = {w.BaselineTurn}");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"workload",-10}{"side",-10}{"turns",8}{"errors",8}{"seconds",9}{"turns/s",10}{"p50 ms",9}{"p90 ms",9}{"p99 ms",9}{"max ms",9}");
        foreach (var w in Workloads)
        {
            Row(w.Name, "bot", w.Bot);
            Row(w.Name, "baseline", w.Baseline);
        }
        text.AppendLine();
        foreach (var w in Workloads)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.Name}: ratio bot / baseline turns/s {F(w.Ratio, "F2")} (per round: {string.Join(", ", w.RoundRatios.Select(r => F(r, "F2")))}); RSS after it {F(w.RssMiB, "F1")} MiB (peak so far {F(w.PeakRssMiB, "F1")} MiB)");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"ready: {F(ReadyMs, "F0")} ms    RSS when ready: {F(IdleRssMiB, "F1")} MiB");
        text.AppendLine(CultureInfo.InvariantCulture, $"CPU ms per turn             {"bot",8}{"azurite",9}{"harness",9}   machine busy");
        foreach (var w in Workloads)
        {
            Cpu($"  {w.Name}, bot phase", w.BotPhaseCpu);
            Cpu($"  {w.Name}, baseline phase", w.BaselinePhaseCpu);
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"replies missing {RepliesMissing}, duplicated {RepliesDuplicated}; connector calls refused {ConnectorUnauthorized}; token requests {TokenRequests}; JWKS fetches {KeyRequests}");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{"target",-36}{"limit",-12}");
        foreach (var w in Workloads)
        {
            text.Append(CultureInfo.InvariantCulture, $"{w.Name,-26}");
        }
        text.AppendLine();
        for (var i = 0; i < Workloads[0].Targets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Workloads[0].Targets[i].Name,-36}{Workloads[0].Targets[i].Limit,-12}");
            foreach (var w in Workloads)
            {
                text.Append(CultureInfo.InvariantCulture, $"{w.Targets[i].Measured + " " + w.Targets[i].Status,-26}");
            }
            text.AppendLine();
        }
        return text.ToString();

        void Row(string workload, string side, PhaseResult p) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"{workload,-10}{side,-10}{p.Turns,8}{p.Errors,8}{F(p.Seconds, "F2"),9}{F(p.TurnsPerSecond, "F1"),10}{F(p.P50Ms, "F1"),9}{F(p.P90Ms, "F1"),9}{F(p.P99Ms, "F1"),9}{F(p.MaxMs, "F1"),9}");

        void Cpu(string name, CpuShare c) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-28}{F(c.BotMsPerTurn, "F2"),8}{F(c.AzuriteMsPerTurn, "F2"),9}{F(c.HarnessMsPerTurn, "F2"),9}   {F(c.MachineBusy * 100, "F0")}%");
    }

    private static string Status(bool met) => met ? "PASS" : "FAIL";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJson : JsonSerializerContext;
