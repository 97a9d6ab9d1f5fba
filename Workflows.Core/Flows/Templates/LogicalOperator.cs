namespace Workflows.Core.Flows.Templates;

/// <summary>How the statements of a condition combine.</summary>
public enum LogicalOperator
{
    AND,
    OR,
}
