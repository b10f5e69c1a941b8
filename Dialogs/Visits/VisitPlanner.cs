using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

public enum PlanStatus
{
    Scheduled,

    /// <summary>The same visit (school, start, supervisor) was already planned and is still open: nothing was added.</summary>
    AlreadyScheduled,

    Refused,
}

public sealed record PlanResult(PlanStatus Status, Visit? Visit, IReadOnlyList<LocalizedText> Problems);

/// <summary>What scheduling many visits at once did: nothing at all when any request has a problem.</summary>
/// <param name="Problems">Problems by the index of the request they belong to.</param>
public sealed record PlanAllResult(IReadOnlyList<Visit> Added, int AlreadyThere, IReadOnlyList<(int Index, LocalizedText Reason)> Problems);

public enum ChangeStatus
{
    Done,
    NotFound,

    /// <summary>Someone else's visit: only its supervisor or an admin may change it.</summary>
    NotYours,

    /// <summary>Already cancelled, moved, completed or missed.</summary>
    NotOpen,

    Refused,
}

/// <param name="Replacement">For a reschedule, the new visit.</param>
public sealed record ChangeResult(ChangeStatus Status, Visit? Visit, Visit? Replacement, IReadOnlyList<LocalizedText> Problems)
{
    public static ChangeResult Failed(ChangeStatus status, Visit? visit, params LocalizedText[] problems) => new(status, visit, null, problems);
}

/// <summary>
/// Schedules, cancels and reschedules visits, keeping their reminders in step. Only the visit's own
/// supervisor or an admin may change a visit; the checks on what is planned are <see cref="VisitRules"/>.
/// </summary>
public sealed class VisitPlanner(IVisitStore store, IVisitReminders reminders, IOfficeDirectorySource directory, VisitRules rules)
{
    /// <summary>A visit changed by someone else meanwhile is read again and decided again, this many times.</summary>
    private const int Attempts = 5;

    private const int Parallelism = 8;

    public VisitRules Rules => rules;

    public async Task<PlanResult> ScheduleAsync(VisitRequest request, VisitActor actor, CancellationToken cancellationToken)
    {
        var problems = rules.Check(request, actor, await directory.CurrentAsync(cancellationToken));
        if (problems.Count > 0)
        {
            return new PlanResult(PlanStatus.Refused, null, problems);
        }
        var (id, open) = await FreeIdAsync(request, cancellationToken);
        if (open is not null)
        {
            return new PlanResult(PlanStatus.AlreadyScheduled, open, []);
        }
        var visit = request.ToVisit(id);
        await store.AddAsync([visit], cancellationToken);
        await reminders.PlanAsync(visit, cancellationToken);
        return new PlanResult(PlanStatus.Scheduled, visit, []);
    }

    /// <summary>
    /// All or nothing, as an import needs: every request is checked first. A request naming a visit
    /// that already exists, whatever became of it, is left alone, so the same file imported twice
    /// adds nothing the second time and a visit cancelled since is not brought back.
    /// </summary>
    public async Task<PlanAllResult> ScheduleAllAsync(IReadOnlyList<VisitRequest> requests, VisitActor actor, CancellationToken cancellationToken)
    {
        var problems = await CheckAllAsync(requests, actor, cancellationToken);
        if (problems.Count > 0)
        {
            return new PlanAllResult([], 0, problems);
        }
        var exists = new bool[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), Options(cancellationToken), async (i, ct) =>
            exists[i] = await store.GetAsync(requests[i].BaseId, ct) is not null);
        var added = requests.Where((_, i) => !exists[i]).Select(r => r.ToVisit(r.BaseId)).ToList();
        await store.AddAsync(added, cancellationToken);
        await Parallel.ForEachAsync(added, Options(cancellationToken), async (visit, ct) => await reminders.PlanAsync(visit, ct));
        return new PlanAllResult(added, exists.Count(e => e), []);
    }

    /// <summary>The problems of each request, by its index, storing nothing.</summary>
    public async Task<IReadOnlyList<(int Index, LocalizedText Reason)>> CheckAllAsync(IReadOnlyList<VisitRequest> requests, VisitActor actor, CancellationToken cancellationToken)
    {
        var current = await directory.CurrentAsync(cancellationToken);
        return requests.SelectMany((r, i) => rules.Check(r, actor, current).Select(p => (i, p))).ToList();
    }

    public Task<ChangeResult> CancelAsync(string visitId, VisitActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(visitId, actor, async (stored, ct) =>
        {
            var cancelled = stored.Visit with { Status = VisitStatus.Cancelled };
            if (!await store.TryUpdateAsync(cancelled, stored.ETag, ct))
            {
                return null;
            }
            await reminders.DropAsync(cancelled, ct);
            return new ChangeResult(ChangeStatus.Done, cancelled, null, []);
        }, cancellationToken);

    /// <summary>
    /// The old visit becomes Rescheduled, pointing at a new one at the new time. The new visit is
    /// added first, so a crash leaves at worst an extra visit, never a moved visit with no successor.
    /// </summary>
    public Task<ChangeResult> RescheduleAsync(string visitId, DateOnly date, TimeOnly start, TimeOnly end, VisitActor actor, CancellationToken cancellationToken)
    {
        Visit? replacement = null;
        return ChangeAsync(visitId, actor, async (stored, ct) =>
        {
            var old = stored.Visit;
            if (replacement is null)
            {
                var request = VisitRequest.MovedFrom(old, date, start, end);
                if (request.StartUtc == old.StartUtc && request.EndUtc == old.EndUtc)
                {
                    return ChangeResult.Failed(ChangeStatus.Refused, old, VisitTexts.SameTime);
                }
                var problems = rules.Check(request, actor, await directory.CurrentAsync(ct));
                if (problems.Count > 0)
                {
                    return new ChangeResult(ChangeStatus.Refused, old, null, problems);
                }
                var (id, open) = await FreeIdAsync(request, ct);
                if (open is not null)
                {
                    return ChangeResult.Failed(ChangeStatus.Refused, old, VisitTexts.AlreadyAtThatTime);
                }
                replacement = request.ToVisit(id);
                await store.AddAsync([replacement], ct);
            }
            var moved = old with { Status = VisitStatus.Rescheduled, RescheduledAs = replacement.Id };
            if (!await store.TryUpdateAsync(moved, stored.ETag, ct))
            {
                return null;
            }
            await reminders.DropAsync(moved, ct);
            await reminders.PlanAsync(replacement, ct);
            return new ChangeResult(ChangeStatus.Done, moved, replacement, []);
        }, cancellationToken, onGivingUp: async ct =>
        {
            // The old visit closed under us (cancelled, say): the new one must not stand in for it.
            if (replacement is not null && await store.GetAsync(replacement.Id, ct) is { } added)
            {
                await store.TryUpdateAsync(added.Visit with { Status = VisitStatus.Cancelled }, added.ETag, ct);
            }
        });
    }

    /// <summary>Reads, authorizes and applies a change, again from the read when the visit changed meanwhile.</summary>
    private async Task<ChangeResult> ChangeAsync(
        string visitId, VisitActor actor, Func<StoredVisit, CancellationToken, Task<ChangeResult?>> apply, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? onGivingUp = null)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetAsync(visitId, cancellationToken) is not { } stored)
            {
                return ChangeResult.Failed(ChangeStatus.NotFound, null, VisitTexts.NoSuchVisit);
            }
            var visit = stored.Visit;
            if (!actor.IsAdmin && !actor.Is(visit.SupervisorEmail))
            {
                var name = (await directory.CurrentAsync(cancellationToken)).PersonByEmail(visit.SupervisorEmail)?.DisplayName ?? visit.SupervisorEmail;
                return ChangeResult.Failed(ChangeStatus.NotYours, visit, VisitTexts.OnlyTheSupervisor(name));
            }
            if (!visit.IsOpen)
            {
                if (onGivingUp is not null)
                {
                    await onGivingUp(cancellationToken);
                }
                return ChangeResult.Failed(ChangeStatus.NotOpen, visit, VisitTexts.NoLongerOpen(visit.Status));
            }
            if (await apply(stored, cancellationToken) is { } done)
            {
                return done;
            }
        }
        throw new InvalidOperationException($"Visit {visitId} kept changing while being updated; try again.");
    }

    /// <summary>
    /// The id for a new visit: its base id, or a numbered one when a closed visit (cancelled, say)
    /// already holds that slot. An open visit there means it is already planned.
    /// </summary>
    private async Task<(string Id, Visit? Open)> FreeIdAsync(VisitRequest request, CancellationToken cancellationToken)
    {
        var id = request.BaseId;
        for (var n = 2; await store.GetAsync(id, cancellationToken) is { } taken; n++)
        {
            if (taken.Visit.IsOpen)
            {
                return (id, taken.Visit);
            }
            id = $"{request.BaseId}-{n}";
        }
        return (id, null);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}
