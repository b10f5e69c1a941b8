using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Architecture;

/// <summary>
/// The folders inside Dialogs depend one way: Calendar, Commands, Forms at the bottom; Conversations
/// (what a turn and its answer are) and People (roles, preferences) over them; FormCards (cards of a
/// form); Filling (the form engine); Routing (what a turn means) on top. A cycle means two folders can
/// no longer be understood, changed or tested apart.
/// </summary>
public class DialogsLayeringTests
{
    private static readonly NamespaceGraph Dialogs = NamespaceGraph.Of(typeof(FormDefinition).Assembly, "SupervisionBot.Dialogs");

    [Fact]
    public void No_two_folders_of_Dialogs_depend_on_each_other_even_through_others()
    {
        var cycle = NamespaceGraph.FindCycle(Dialogs.Edges.Keys);

        Assert.True(cycle is null, cycle is null ? "" :
            $"Dialogs folders depend on each other in a circle: {string.Join(" → ", cycle)}\n" +
            string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(edge => "  " + Dialogs.Edges[edge])));
    }

    [Fact]
    public void The_scan_sees_dependencies_in_signatures_and_in_method_bodies()
    {
        // Non-vacuous: edges that must exist are found, and a type named only inside a method body
        // (FormPages.Of calls FormVisibility; no signature of FormPages mentions it) counts.
        Assert.Contains(("Routing", "Filling"), Dialogs.Edges.Keys);
        Assert.Contains(("Filling", "FormCards"), Dialogs.Edges.Keys);
        Assert.Contains(("FormCards", "Forms"), Dialogs.Edges.Keys);
        Assert.Contains(("People", "Conversations"), Dialogs.Edges.Keys);
        Assert.Contains(typeof(FormVisibility), NamespaceGraph.TypesUsedBy(typeof(FormPages)));
    }

    [Fact]
    public void A_cycle_through_several_folders_is_found_and_a_one_way_graph_passes()
    {
        Assert.Equal(["Conversations", "Filling", "Forms", "Conversations"],
            NamespaceGraph.FindCycle([("Routing", "Conversations"), ("Conversations", "Filling"), ("Filling", "Forms"), ("Forms", "Conversations")]));
        Assert.Equal(["A", "B", "A"], NamespaceGraph.FindCycle([("A", "B"), ("B", "A")]));
        Assert.Null(NamespaceGraph.FindCycle([("Routing", "Filling"), ("Routing", "Forms"), ("Filling", "Forms"), ("Filling", "FormCards"), ("FormCards", "Forms")]));
    }
}
