namespace Workflows.Core.Flows;

/// <summary>How the statements of a condition combine.</summary>
public enum LogicalOperator
{
    AND,
    OR,
}
