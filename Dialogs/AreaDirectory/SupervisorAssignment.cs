namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// What a supervisor (ศึกษานิเทศก์) is responsible for: the school groups and learning areas given
/// on their row of people.csv.
/// </summary>
public sealed record SupervisorAssignment(string SupervisorEmail, IReadOnlyList<int> GroupNumbers, IReadOnlyList<string> LearningAreas)
{
    public bool Covers(int groupNumber) => GroupNumbers.Contains(groupNumber);

    public bool CoversArea(string learningArea) => LearningAreas.Contains(learningArea, StringComparer.Ordinal);
}
