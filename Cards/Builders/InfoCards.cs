using System.Text.Json.Nodes;
using SupervisionBot.Cards.Model;
using static SupervisionBot.Cards.Builders.CardParts;

namespace SupervisionBot.Cards.Builders;

public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeView view, Language language)
    {
        var strings = CardStrings.For(language);
        List<CardElement> body =
        [
            Banner(Title(view.Title), Paragraph(view.Description)),
            Subheading(strings.CommandsTitle, Spacing.Large),
            new FactSet { Facts = [.. view.Commands.Select(command => new Fact(command.Command, command.Description))] },
        ];
        if (view.Buttons is { Count: > 0 } buttons)
        {
            body.Add(CardActions.Buttons(buttons, Spacing.Large));
        }

        return Finish(new AdaptiveCard { Body = body, FallbackText = view.Title });
    }
}

public static class ErrorCard
{
    /// <param name="referenceId">The id under which the failure was logged, for the user to quote to IT.</param>
    public static AdaptiveCard Build(string referenceId, Language language)
    {
        var strings = CardStrings.For(language);
        return Finish(new AdaptiveCard
        {
            Body =
            [
                new Container
                {
                    Style = ContainerStyle.Attention,
                    Bleed = true,
                    Items = [Title(strings.ErrorTitle)],
                },
                Paragraph(strings.ErrorApology),
                new FactSet { Facts = [new Fact(strings.ReferenceNumber, referenceId)] },
            ],
            FallbackText = $"{strings.ErrorTitle} ({strings.ReferenceNumber}: {referenceId})",
        });
    }
}

/// <summary>A short notice, e.g. "this card is out of date", with optional follow-up buttons.</summary>
public static class MessageCard
{
    public static AdaptiveCard Build(MessageView view)
    {
        List<CardElement> body = [Subheading(view.Title), Paragraph(view.Text)];
        if (view.Buttons is { Count: > 0 } buttons)
        {
            body.Add(CardActions.Buttons(buttons));
        }

        return Finish(new AdaptiveCard { Body = body, FallbackText = $"{view.Title}: {view.Text}" });
    }
}

public static class MenuCard
{
    /// <summary>The data key naming the form a start button opens.</summary>
    public const string FormIdKey = "formId";

    public static AdaptiveCard Build(MenuView view, Language language)
    {
        var strings = CardStrings.For(language);
        List<CardElement> body = [view.Intro is null ? Banner(Title(view.Title)) : Banner(Title(view.Title), Paragraph(view.Intro))];
        body.AddRange(view.Forms.Select(form => new ColumnSet
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Columns =
            [
                new Column { Width = ColumnWidth.Stretch, Items = [Subheading(form.Title), Hint(form.Description)] },
                new Column
                {
                    Width = ColumnWidth.Auto,
                    Items = [CardActions.Buttons([new ButtonView(strings.Start, CardVerbs.FormStart, new JsonObject { [FormIdKey] = form.FormId })])],
                },
            ],
        }));
        return Finish(new AdaptiveCard { Body = body, FallbackText = view.Title });
    }
}
