using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Commands;

namespace SupervisionBot.Dialogs.Help;

/// <summary>The welcome and help card: what the bot is for and the commands that work, in the user's language.</summary>
public static class HelpGuide
{
    public static AdaptiveCard Card(Language language)
    {
        var thai = language == Language.Thai;
        var commands = CommandCatalogue.All
            .Select(c => new CommandView(thai ? $"{c.ThaiKeyword} ({c.EnglishKeyword})" : $"{c.EnglishKeyword} ({c.ThaiKeyword})", c.Description(language)))
            .ToList();
        return WelcomeCard.Build(new WelcomeView(
            thai ? "ยินดีต้อนรับสู่ผู้ช่วยงานนิเทศ" : "Welcome to SupervisionBot",
            thai
                ? "ผู้ช่วยของกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา สพม.กท 1 สำหรับศึกษานิเทศก์ ครู และผู้บริหารสถานศึกษา " +
                  "ท่านกรอกแบบนิเทศ แบบสำรวจ แบบรายงาน และแบบประเมินความพึงพอใจได้ในแชตนี้ คำตอบจะถูกบันทึกอย่างปลอดภัยตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"
                : "The assistant of the Supervision, Monitoring and Evaluation Unit of SESAO Bangkok 1 for supervisors, teachers and school leaders. " +
                  "Fill in supervision checklists, needs surveys and satisfaction forms right here in chat; answers are stored securely under the PDPA.",
            commands,
            [new ButtonView(thai ? "ดูแบบฟอร์มที่กรอกได้" : "Show the forms I can fill in", CardVerbs.FormsMenu)]), language);
    }

    /// <summary>For text the bot does not understand: a nudge towards help, never a guess.</summary>
    public static string Hint(Language language, string text)
    {
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        return language == Language.Thai
            ? $"ขออภัย บอตไม่เข้าใจ “{shown}” พิมพ์ “ช่วยเหลือ” เพื่อดูสิ่งที่บอตทำได้"
            : $"Sorry, I didn't understand “{shown}”. Type help to see what I can do.";
    }
}
