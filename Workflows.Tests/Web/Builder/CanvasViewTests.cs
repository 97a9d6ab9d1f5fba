using Blazor.Diagrams.Core.Geometry;
using Workflows.Web.Components.Builder;

namespace Workflows.Tests.Web.Builder;

/// <summary>Where the canvas looks and where palette items land, as geometry.</summary>
public sealed class CanvasViewTests
{
    private static readonly Size View = new(900, 700);

    [Fact]
    public void A_small_workflow_is_centred_without_zooming_in_beyond_the_cap()
    {
        var (zoom, pan) = CanvasView.Fit(new Rectangle(100, 100, 400, 200), View, margin: 40);

        Assert.Equal(CanvasView.MaxFitZoom, zoom);
        Assert.Equal(View.Width / 2, 250 * zoom + pan.X, precision: 6);
        Assert.Equal(View.Height / 2, 150 * zoom + pan.Y, precision: 6);
    }

    [Fact]
    public void A_long_single_row_workflow_keeps_a_readable_zoom_and_shows_its_start()
    {
        var (zoom, pan) = CanvasView.Fit(new Rectangle(40, 40, 5000, 200), View, margin: 40);

        Assert.Equal(CanvasView.MinFitZoom, zoom);
        Assert.Equal(40, 40 * zoom + pan.X, precision: 6);
        Assert.Equal(View.Height / 2, 120 * zoom + pan.Y, precision: 6);
    }

    [Fact]
    public void An_item_behind_the_right_edge_is_panned_into_view_and_one_in_view_stays()
    {
        var pan = CanvasView.PanToShow(new Rectangle(800, 100, 1020, 172), zoom: 1, new Point(0, 0), View, margin: 30);

        Assert.Equal(new Point(900 - 30 - 1020, 0), pan);
        Assert.Null(CanvasView.PanToShow(new Rectangle(100, 100, 320, 172), zoom: 1, new Point(0, 0), View, margin: 30));
    }

    [Fact]
    public void A_new_item_goes_to_the_middle_of_an_empty_view()
    {
        var spot = CanvasView.FreeSpot(new Rectangle(0, 0, 500, 700), new Size(220, 72), []);

        Assert.Equal(new Point(250 - 110, 350 - 36), spot);
    }

    [Fact]
    public void New_items_do_not_cover_earlier_ones_and_stay_in_view()
    {
        var visible = new Rectangle(0, 0, 500, 700);
        var size = new Size(220, 72);
        var placed = new List<Rectangle>();
        for (var i = 0; i < 6; i++)
        {
            var spot = CanvasView.FreeSpot(visible, size, placed);
            var item = new Rectangle(spot, size);
            Assert.DoesNotContain(placed, p => p.Intersects(item));
            Assert.True(item.Left >= 0 && item.Right <= 500 && item.Top >= 0 && item.Bottom <= 700, $"item {i} at {item} is out of view");
            placed.Add(item);
        }

        Assert.True(placed[1].Top > placed[0].Top, "the second item goes below the first");
    }
}
