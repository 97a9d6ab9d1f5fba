namespace Workflows.Core.Flows.Engine;

/// <summary>Why a command was refused. The API maps NotFound to 404, Invalid and Locked to 400, Conflict to 409.</summary>
public enum FlowErrorKind
{
    NotFound,
    Invalid,

    /// <summary>The task waits for requirements; the message names them.</summary>
    Locked,

    /// <summary>The state moved on (already completed, workflow closed, ...); reload and decide again.</summary>
    Conflict,
}
