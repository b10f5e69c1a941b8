using System.Globalization;
using SupervisionBot.Cards.Model;
using static SupervisionBot.Cards.Builders.CardParts;

namespace SupervisionBot.Cards.Builders;

public static class FormSectionCard
{
    /// <summary>
    /// One page of a form. The caller splits long sections so that a page has at most
    /// <see cref="CardLimits.MaxInputs"/> inputs; this only checks. A number or date the input
    /// cannot hold (a rejected answer shown again as typed, e.g. "๑,๒๐๐") leaves it empty, and the
    /// field's error says what was wrong.
    /// </summary>
    public static AdaptiveCard Build(FormSectionView view, Language language)
    {
        var strings = CardStrings.For(language);
        List<CardElement> body =
        [
            Banner(
                Title(view.FormTitle),
                new ColumnSet
                {
                    Columns =
                    [
                        new Column { Width = ColumnWidth.Stretch, Items = [Subheading(view.SectionTitle)] },
                        new Column
                        {
                            Width = ColumnWidth.Auto,
                            Items = [Hint(strings.SectionProgress(view.SectionNumber, view.SectionCount, view.PageNumber, view.PageCount))],
                        },
                    ],
                }),
        ];
        if (view.SectionDescription is not null)
        {
            body.Add(Paragraph(view.SectionDescription));
        }

        if (view.Fields.Count(field => field.Error is not null) is > 0 and var errorCount)
        {
            body.Add(new TextBlock { Text = strings.ErrorSummary(errorCount), Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
        }

        if (view.PrivacyNotice is not null)
        {
            body.Add(new Container
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Medium,
                Items = [new TextBlock { Text = strings.PrivacyNoticeTitle, Weight = TextWeight.Bolder, Size = TextSize.Small, Wrap = true }, Hint(view.PrivacyNotice)],
            });
        }

        body.AddRange(view.Fields.Select(field => Field(field, strings)));
        body.Add(Navigation(view, strings));

        var card = new AdaptiveCard
        {
            Body = body,
            FallbackText = $"{view.FormTitle} – {view.SectionTitle}",
            Msteams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        };
        CheckInputIds(card, view);
        return Finish(card);
    }

    private static Container Field(FieldView field, CardStrings strings)
    {
        List<CardElement> items = [.. Inputs(field, strings)];
        if (field.HelpText is not null)
        {
            items.Add(Hint(field.HelpText));
        }

        if (field.Error is not null)
        {
            items.Add(new TextBlock { Text = field.Error, Color = TextColor.Attention, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Small });
        }

        return new Container { Items = items, Spacing = Spacing.Large };
    }

    private static IEnumerable<CardInput> Inputs(FieldView field, CardStrings strings)
    {
        var required = field.IsRequired ? true : (bool?)null;
        var requiredError = field.IsRequired ? strings.RequiredError : null;
        switch (field.Kind)
        {
            case FieldKind.ShortText or FieldKind.LongText:
                yield return new TextInput
                {
                    Id = field.Id, Label = field.Label, IsRequired = required, ErrorMessage = requiredError,
                    IsMultiline = field.Kind == FieldKind.LongText ? true : null,
                    MaxLength = field.MaxLength, Placeholder = field.Placeholder, Value = field.Value,
                };
                break;
            case FieldKind.Number:
                yield return new NumberInput
                {
                    Id = field.Id, Label = field.Label, IsRequired = required,
                    ErrorMessage = field is { Min: { } min, Max: { } max } ? strings.RangeError(min, max) : requiredError,
                    Min = field.Min, Max = field.Max, Placeholder = field.Placeholder,
                    Value = double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
                };
                break;
            case FieldKind.Date:
                yield return new DateInput
                {
                    Id = field.Id, Label = field.Label, IsRequired = required, ErrorMessage = requiredError,
                    Min = field.MinDate, Max = field.MaxDate, Placeholder = field.Placeholder,
                    Value = DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                };
                break;
            case FieldKind.SingleChoice:
                // Up to five options read best as radio buttons; longer lists (schools, teachers) as a drop-down.
                var expanded = field.Choices.Count <= 5;
                yield return Choices(field, required, requiredError, field.Choices.Select(c => new Choice(c.Title, c.Value)),
                    expanded ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact, expanded ? null : field.Placeholder ?? strings.ChoosePlaceholder);
                break;
            case FieldKind.MultipleChoice:
                yield return Choices(field, required, requiredError, field.Choices.Select(c => new Choice(c.Title, c.Value)),
                    ChoiceInputStyle.Expanded, placeholder: null, multiSelect: true);
                break;
            case FieldKind.Likert5 or FieldKind.QualityRating:
                var descriptors = field is { Kind: FieldKind.Likert5, Descriptors.Count: 0 } ? strings.Likert.Reverse().ToList() : field.Descriptors;
                if (descriptors.Count != 5)
                {
                    throw new ArgumentException($"Scale '{field.Id}' needs exactly 5 descriptors (levels 1–5), not {descriptors.Count}.", nameof(field));
                }

                IEnumerable<Choice> levels = Levels(descriptors);
                if (field.AllowsNotApplicable)
                {
                    levels = levels.Append(new Choice(strings.ChecklistNotApplicable, ChecklistValues.NotApplicable));
                }

                yield return Choices(field, required, requiredError, levels, ChoiceInputStyle.Expanded, placeholder: null);
                break;
            case FieldKind.ChecklistItem:
                // An item may word its answers itself (มี/ไม่มี, ดำเนินการแล้ว/ยังไม่ได้ดำเนินการ); the values stay the same.
                yield return Choices(field, required, requiredError,
                    field.Choices.Count > 0
                        ? field.Choices.Select(c => new Choice(c.Title, c.Value))
                        :
                        [
                            new Choice(strings.ChecklistDone, ChecklistValues.Done),
                            new Choice(strings.ChecklistNotDone, ChecklistValues.NotDone),
                            new Choice(strings.ChecklistNotApplicable, ChecklistValues.NotApplicable),
                        ],
                    ChoiceInputStyle.Expanded, placeholder: null);
                if (field.EvidenceId is not null)
                {
                    yield return new TextInput
                    {
                        Id = field.EvidenceId, Label = field.EvidenceLabel ?? strings.EvidenceNote, IsMultiline = true,
                        MaxLength = field.MaxLength, Value = field.EvidenceValue, Spacing = Spacing.Small,
                    };
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind.");
        }
    }

    private static ChoiceSetInput Choices(
        FieldView field, bool? required, string? requiredError, IEnumerable<Choice> choices,
        ChoiceInputStyle style, string? placeholder, bool multiSelect = false) => new()
    {
        Id = field.Id, Label = field.Label, IsRequired = required, ErrorMessage = requiredError,
        Choices = [.. choices], Style = style, Placeholder = placeholder, Value = field.Value,
        IsMultiSelect = multiSelect ? true : null, Wrap = true,
    };

    /// <summary>Labels given for levels 1..5, shown highest first as "5 – label", the order Thai forms use.</summary>
    private static IEnumerable<Choice> Levels(IEnumerable<string> labelsFromLevelOne) =>
        labelsFromLevelOne
            .Select((label, index) => (Level: (index + 1).ToString(CultureInfo.InvariantCulture), Label: label))
            .Reverse()
            .Select(level => new Choice($"{level.Level} – {level.Label}", level.Level));

    private static ActionSet Navigation(FormSectionView view, CardStrings strings)
    {
        var canGoBack = view.CanGoBack ?? view.SectionNumber > 1;
        var isLast = view.IsLastPage ?? view.SectionNumber == view.SectionCount;
        List<CardAction> actions = [];
        if (canGoBack)
        {
            // Back must never be blocked by this page's required fields, so it sends no inputs.
            actions.Add(CardActions.Execute(strings.Back, CardVerbs.FormBack, view.ActionData, AssociatedInputs.None));
        }

        actions.Add(isLast
            ? CardActions.Execute(strings.Review, CardVerbs.FormReview, view.ActionData)
            : CardActions.Execute(strings.Next, CardVerbs.FormNext, view.ActionData));
        actions.Add(CardActions.Execute(strings.Cancel, CardVerbs.FormCancel, view.ActionData, AssociatedInputs.None));
        return new ActionSet { Actions = actions, Spacing = Spacing.ExtraLarge, Separator = true };
    }

    /// <summary>Inputs are merged into the action data on submit, so an input id equal to a data key would overwrite it.</summary>
    private static void CheckInputIds(AdaptiveCard card, FormSectionView view)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { CardActions.VerbKey };
        seen.UnionWith(view.ActionData.Select(pair => pair.Key));
        foreach (var input in CardTree.Inputs(card))
        {
            if (!seen.Add(input.Id))
            {
                throw new ArgumentException($"Input id '{input.Id}' is used twice or clashes with an action data key.", nameof(view));
            }
        }
    }
}

public static class ReviewCard
{
    public static AdaptiveCard Build(ReviewView view, Language language)
    {
        var strings = CardStrings.For(language);
        List<CardElement> body = [Banner(Title(view.FormTitle), Subheading(strings.ReviewTitle)), Hint(strings.ReviewHint)];
        body.AddRange(AnswerSections(view.Sections, strings));
        body.Add(new ActionSet
        {
            Separator = true,
            Spacing = Spacing.ExtraLarge,
            Actions =
            [
                CardActions.Execute(strings.Submit, CardVerbs.FormSubmit, view.ActionData),
                CardActions.Execute(strings.Cancel, CardVerbs.FormCancel, view.ActionData, AssociatedInputs.None),
            ],
        });
        return Finish(new AdaptiveCard
        {
            Body = body,
            FallbackText = $"{view.FormTitle} – {strings.ReviewTitle}",
            Msteams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        });
    }
}

public static class ReceiptCard
{
    public static AdaptiveCard Build(ReceiptView view, Language language)
    {
        var strings = CardStrings.For(language);
        List<CardElement> body =
        [
            new Container
            {
                Style = ContainerStyle.Good,
                Bleed = true,
                Items =
                [
                    Title(strings.ReceiptTitle),
                    Paragraph(view.FormTitle),
                    new FactSet
                    {
                        Facts = [new Fact(strings.ReferenceNumber, view.ReferenceNumber), new Fact(strings.SubmittedAt, view.SubmittedAt)],
                    },
                ],
            },
        ];
        body.AddRange(AnswerSections(view.Sections, strings));
        return Finish(new AdaptiveCard
        {
            Body = body,
            FallbackText = $"{strings.ReceiptTitle} ({strings.ReferenceNumber}: {view.ReferenceNumber})",
            Msteams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        });
    }
}
