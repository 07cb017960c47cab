// Draws the guide's pictures into docs/images, from the library itself:
//   dotnet run --project samples/GuidePictures [output-folder]   (default: docs/images, run from the repository root)
// The three graph pictures need Graphviz's `dot`; the others only this program.
using AutogradForDummies;
using AutogradForDummies.GuidePictures;

string folder = args.Length > 0 ? args[0] : Path.Combine("docs", "images");
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"The folder '{folder}' does not exist. Run this from the repository root, or name an existing folder.");
    return 1;
}

var written = new List<string>
{
    TangentPicture.Save(folder),
    ActivationsPicture.Save(folder),
    LossesPicture.Save(folder),
    OptimizerPathsPicture.Save(folder),
    TrainingPictures.SaveCurves(folder),
    TrainingPictures.SaveLearningRateSweep(folder),
    TrainingPictures.SaveOverfitting(folder),
};

bool graphviz = GraphvizRenderer.IsAvailable;
if (graphviz)
{
    written.Add(GraphPictures.SaveChainRuleGraph(folder));
    written.Add(GraphPictures.SaveBackwardOrder(folder));
    written.Add(NetworkPicture.Save(folder));
}

foreach (string path in written)
{
    Console.WriteLine($"wrote {path}");
}

if (!graphviz)
{
    Console.Error.WriteLine("Graphviz 'dot' is not installed, so the three graph pictures were not drawn (apt-get install graphviz, brew install graphviz, or winget install graphviz).");
    return 1;
}

return 0;
