namespace SupervisionBot.Tests.Outbox;

/// <summary>
/// The outbox tests measure pacing against a fake that refuses any burst over the limit. Starved of
/// CPU by the rest of the suite running beside them, a paced sender bunches its sends and the fake
/// refuses one (seen in CI), so they run on their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutboxRunsAlone
{
    public const string Name = "Outbox";
}
