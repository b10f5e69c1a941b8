using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using static SupervisionBot.Cards.Builders.CardParts;

namespace SupervisionBot.Dialogs.Reachability;

/// <summary>The cards answering "who can be reached": a line per school, or one school's names by reason.</summary>
public static class ReachabilityCard
{
    /// <summary>Names listed under one reason; the rest are counted, so a large school's card stays within budget.</summary>
    private const int NamesPerReason = 40;

    public static AdaptiveCard Summary(IReadOnlyList<SchoolReachability> schools, Language language)
    {
        // Those with the most people out of reach first: what a supervisor acts on.
        var ordered = schools.OrderByDescending(s => s.Unreachable).ThenBy(s => s.School.Code, StringComparer.Ordinal).ToArray();
        for (var shown = ordered.Length; ; shown = shown * 9 / 10)
        {
            var card = SummaryOf(ordered, shown, language);
            if (shown == 0 || CardJson.SerializeToUtf8Bytes(card).Length <= CardLimits.MaxJsonBytes)
            {
                return Finish(card);
            }
        }
    }

    public static AdaptiveCard School(SchoolReachability school, Language language)
    {
        var title = school.School.Title(language);
        List<CardElement> body =
        [
            Title(title),
            Hint(ReachabilityTexts.SchoolSubtitle(language, school.School.Code, school.School.GroupNumber)),
            new FactSet { Facts = [.. Enum.GetValues<Reach>().Select(r => new Fact(ReachabilityTexts.Heading(language, r), school.Count(r).ToString(System.Globalization.CultureInfo.InvariantCulture)))] },
        ];
        if (school.People.Count == 0)
        {
            body.Add(Paragraph(ReachabilityTexts.NoPeople(language)));
        }
        else if (school.Unreachable == 0)
        {
            body.Add(Paragraph(ReachabilityTexts.AllReachable(language)));
        }
        foreach (var reach in Enum.GetValues<Reach>().Where(r => r != Reach.Reachable))
        {
            var people = school.People.Where(p => p.Reach == reach).ToArray();
            if (people.Length == 0)
            {
                continue;
            }
            body.Add(new Container
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Items =
                [
                    Subheading(ReachabilityTexts.Heading(language, reach)),
                    Hint(ReachabilityTexts.WhatToDo(language, reach)),
                    new FactSet { Facts = [.. people.Take(NamesPerReason).Select(p => new Fact(p.Person.DisplayName, p.Person.Email))] },
                    .. people.Length > NamesPerReason ? [Hint(ReachabilityTexts.More(language, people.Length - NamesPerReason))] : Array.Empty<CardElement>(),
                ],
            });
        }
        return Finish(new AdaptiveCard { Body = body, FallbackText = title });
    }

    private static AdaptiveCard SummaryOf(SchoolReachability[] ordered, int shown, Language language)
    {
        List<CardElement> body =
        [
            Title(ReachabilityTexts.SummaryTitle(language)),
            Hint(ReachabilityTexts.SummaryIntro(language)),
            new FactSet { Facts = [.. ordered.Take(shown).Select(s => new Fact($"{s.School.Title(language)} ({s.School.Code})", ReachabilityTexts.SchoolLine(s)))] },
        ];
        if (shown < ordered.Length)
        {
            body.Add(Hint(ReachabilityTexts.Shown(language, shown, ordered.Length)));
        }
        return new AdaptiveCard { Body = body, FallbackText = ReachabilityTexts.SummaryTitle(language) };
    }
}
