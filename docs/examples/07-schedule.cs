#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

using AutogradForDummies.Optim;

Console.OutputEncoding = System.Text.Encoding.UTF8; // ∂, ∇, η and friends print correctly on every console

var schedule = LearningRateSchedule.Linear(1.0, 0.1, 100);
foreach (int k in new[] { 0, 25, 50, 99, 100 })
{
    Console.WriteLine($"k = {k,3}: η = {schedule.At(k):0.####}   (1.0 − 0.9·k/100 = {1.0 - (0.9 * k / 100):0.####})");
}
