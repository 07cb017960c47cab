using AutogradForDummies.Playground.Training;
using FluentAssertions;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Training;

public sealed class PlotAreaTests
{
    [Fact]
    public void Pixels_and_data_map_to_each_other_with_every_point_inside_and_y_upwards()
    {
        double[][] points = [[-1, 0], [2, 0.5], [0.5, -0.5]];

        var area = new PlotArea(points, 400);

        foreach (var p in points)
        {
            area.ToPixelX(p[0]).Should().BeInRange(0, 400);
            area.ToPixelY(p[1]).Should().BeInRange(0, 400);
            area.ToDataX(area.ToPixelX(p[0])).Should().BeApproximately(p[0], 1e-12);
            area.ToDataY(area.ToPixelY(p[1])).Should().BeApproximately(p[1], 1e-12);
        }

        area.ToPixelY(0.5).Should().BeLessThan(area.ToPixelY(-0.5));
        area.Size.Should().BeApproximately(3 * 1.2, 1e-12);
    }
}
