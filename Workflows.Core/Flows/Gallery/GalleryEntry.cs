using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A ready-made workflow the builder offers to start from. <see cref="Create"/> returns a new
/// template each time, so whoever takes one may change it freely.
/// </summary>
public sealed record GalleryEntry(string Key, string Name, string Description, string Category, Func<FlowTemplate> Create);
