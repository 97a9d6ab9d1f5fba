namespace Workflows.Core.ClosingReasons;

#pragma warning disable CA1707 // enum members are spelled as the epilot spec spells them
public enum ClosingReasonStatus
{
    ACTIVE,
    INACTIVE,
}
