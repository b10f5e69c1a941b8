using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

/// <summary>Old versions stay loadable next to the current one, and only the current one is offered.</summary>
public class FormCatalogueTests
{
    private static string Version(int version, string title = "แบบทดสอบ") => FormJson.With(f =>
    {
        f["version"] = version;
        f["title"]!["th"] = title;
        f["settings"]!["commands"] = new JsonArray("ทดสอบ");
    });

    [Fact]
    public void The_newest_version_is_offered_and_every_version_can_be_found()
    {
        var catalogue = FormCatalogue.Load([("test-form.json", Version(2, "ฉบับใหม่")), ("test-form.v1.json", Version(1, "ฉบับเดิม"))]);

        var offered = Assert.Single(catalogue.Forms);
        Assert.Equal(2, offered.Version);
        Assert.Same(offered, catalogue.Find("test-form"));
        Assert.Same(offered, catalogue.FindByCommand("ทดสอบ"));
        Assert.Equal("ฉบับเดิม", catalogue.Find("test-form", 1)!.Title.Th);
        Assert.Null(catalogue.Find("test-form", 3));
    }

    [Fact]
    public void An_older_file_must_hold_the_version_its_name_says()
    {
        var error = Assert.Throws<FormDefinitionException>(() =>
            FormCatalogue.Load([("test-form.json", Version(3)), ("test-form.v1.json", Version(2))]));

        Assert.Equal("test-form.v1.json", error.Source);
        Assert.Equal("a file named test-form.v1.json must hold version 1 of form 'test-form', not version 2 of 'test-form'", error.Problem);
    }

    [Fact]
    public void The_current_file_must_hold_the_newest_version()
    {
        var error = Assert.Throws<FormDefinitionException>(() =>
            FormCatalogue.Load([("test-form.json", Version(1)), ("test-form.v2.json", Version(2))]));

        Assert.Equal("test-form.json holds version 1 of form 'test-form', but version 2 is newer; keep older versions as test-form.v1.json", error.Problem);
    }

    [Fact]
    public void A_version_defined_twice_is_rejected()
    {
        var error = Assert.Throws<FormDefinitionException>(() =>
            FormCatalogue.Load([("test-form.json", Version(1)), ("copy.json", Version(1))]));

        Assert.Equal("version 1 of form 'test-form' is also defined in test-form.json", error.Problem);
    }

    [Fact]
    public void A_form_with_only_older_files_is_rejected()
    {
        var error = Assert.Throws<FormDefinitionException>(() => FormCatalogue.Load([("test-form.v1.json", Version(1))]));

        Assert.Equal("form 'test-form' has only older versions; its newest version belongs in test-form.json", error.Problem);
    }
}
