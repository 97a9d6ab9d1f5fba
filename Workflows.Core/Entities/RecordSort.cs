namespace Workflows.Core.Entities;

public enum RecordSort
{
    UpdatedDescending,
    UpdatedAscending,
    TitleAscending,
    TitleDescending,
    CreatedDescending,
    CreatedAscending,
}
