using System.Diagnostics;

namespace SupervisionBot.Bench;

/// <summary>CPU time used so far by the three processes of a run.</summary>
internal readonly record struct CpuSample(TimeSpan Bot, TimeSpan Azurite, TimeSpan Harness)
{
    public static CpuSample Take(BotProcess bot, Azurite azurite)
    {
        using var harness = Process.GetCurrentProcess();
        return new CpuSample(bot.Process.CpuTime, azurite.Process.CpuTime, harness.TotalProcessorTime);
    }

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Bot - b.Bot, a.Azurite - b.Azurite, a.Harness - b.Harness);

    public static CpuSample operator +(CpuSample a, CpuSample b) => new(a.Bot + b.Bot, a.Azurite + b.Azurite, a.Harness + b.Harness);

    public CpuShare PerTurn(int turns, TimeSpan elapsed) => new(
        Bot.TotalMilliseconds / turns,
        Azurite.TotalMilliseconds / turns,
        Harness.TotalMilliseconds / turns,
        (Bot + Azurite + Harness) / (elapsed * Environment.ProcessorCount));
}
