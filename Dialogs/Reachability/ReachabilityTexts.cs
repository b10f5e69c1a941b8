using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Reachability;

/// <summary>What the reachability answer says, Thai first, English by the user's language.</summary>
public static class ReachabilityTexts
{
    private static string Pick(Language language, string thai, string english) => language == Language.Thai ? thai : english;

    public static string SummaryTitle(Language l) => Pick(l, "ใครติดต่อทางแชตได้บ้าง", "Who can be reached in chat");

    public static string SummaryIntro(Language l) => Pick(l,
        "แต่ละโรงเรียน: ติดต่อได้/ทั้งหมด · ไม่พบใน Entra ID · ยังไม่ได้ติดตั้งแอป · บล็อกบอต พิมพ์ “ติดต่อได้ รหัสโรงเรียน” เพื่อดูรายชื่อ",
        "Each school: reachable/all · not in Entra ID · app not installed · blocked. Type “reach <school code>” for the names.");

    public static string Shown(Language l, int shown, int all) => Pick(l,
        $"แสดง {shown} จาก {all} โรงเรียน เรียงจากโรงเรียนที่ติดต่อไม่ได้มากที่สุด",
        $"Showing {shown} of {all} schools, those with the most people out of reach first.");

    public static string SchoolLine(SchoolReachability s) =>
        $"{s.Count(Reach.Reachable)}/{s.People.Count} · {s.Count(Reach.NotInEntra)} · {s.Count(Reach.AppNotInstalled)} · {s.Count(Reach.Blocked)}";

    public static string SchoolSubtitle(Language l, string code, int group) => Pick(l, $"รหัส {code} · กลุ่มโรงเรียนที่ {group}", $"Code {code} · school group {group}");

    public static string Heading(Language l, Reach reach) => reach switch
    {
        Reach.Reachable => Pick(l, "ติดต่อได้", "Can be reached"),
        Reach.NotInEntra => Pick(l, "ไม่พบใน Microsoft Entra ID", "Not in Microsoft Entra ID"),
        Reach.AppNotInstalled => Pick(l, "ยังไม่ได้ติดตั้งแอปในทีมส์", "App not installed in Teams"),
        _ => Pick(l, "บล็อกหรือนำบอตออกแล้ว", "Blocked or removed the bot"),
    };

    public static string WhatToDo(Language l, Reach reach) => reach switch
    {
        Reach.NotInEntra => Pick(l,
            "ทำเนียบยังไม่มี AAD object id ของบุคคลเหล่านี้ ผู้ดูแลระบบใส่ใน people.csv หรือสั่ง directory link ให้ค้นจาก Microsoft Graph",
            "The directory has no AAD object id for them: an admin fills it in people.csv, or runs directory link to find it through Microsoft Graph."),
        Reach.AppNotInstalled => Pick(l,
            "บอตยังไม่มีแชตส่วนตัวกับบุคคลเหล่านี้ เมื่อตั้งค่า Microsoft Graph แล้วบอตจะติดตั้งแอปให้เองเมื่อส่งข้อความครั้งแรก",
            "The bot has no personal chat with them yet; with Microsoft Graph set up it installs the app for them when it first writes."),
        Reach.Blocked => Pick(l,
            "ข้อความล่าสุดถึงบุคคลเหล่านี้ถูกปฏิเสธ โปรดขอให้เปิดแชตกับบอตอีกครั้ง",
            "The last message to them was refused; ask them to open the chat with the bot again."),
        _ => "",
    };

    public static string AllReachable(Language l) => Pick(l, "ติดต่อทางแชตได้ทุกคน", "Everyone can be reached in chat.");

    public static string NoPeople(Language l) => Pick(l, "ทำเนียบยังไม่มีบุคลากรของโรงเรียนนี้", "The directory lists nobody at this school yet.");

    public static string More(Language l, int count) => Pick(l, $"และอีก {count} คน", $"and {count} more");

    public static string NoticeTitle(Language l) => Pick(l, "การติดต่อทางแชต", "Reaching people in chat");

    public static string UnknownSchool(Language l, string code) => Pick(l,
        $"ไม่พบโรงเรียนรหัส “{code}” ในทำเนียบ",
        $"No school with code “{code}” in the directory.");

    public static string NotYourSchool(Language l, string name) => Pick(l,
        $"{name} ไม่อยู่ในกลุ่มโรงเรียนที่ท่านรับผิดชอบ",
        $"{name} is not in the school groups assigned to you.");

    public static string NoSchools(Language l) => Pick(l,
        "ทำเนียบยังไม่ได้กำหนดโรงเรียนที่ท่านรับผิดชอบ",
        "The directory assigns no schools to you yet.");

    public static string PersonalChatOnly(Language l) => Pick(l,
        "กรุณาถามในแชตส่วนตัวกับบอต เพราะคำตอบมีรายชื่อบุคคล",
        "Please ask in your personal chat with me: the answer names people.");
}
