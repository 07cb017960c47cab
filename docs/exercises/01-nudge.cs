#:project ../../src/AutogradForDummies/AutogradForDummies.csproj

// Your turn, page 1: nudge an input, and watch the estimate get better, then worse.
//
// f(x) = x³ − 4x. At x = 2 its slope is 8. Estimate the slope by nudging (page 1), with smaller and smaller h.
//   1. Write FPrime (the true derivative, by calculus), ForwardDifference and CentralDifference below.
//   2. Run this file from the repository's root folder:  dotnet run docs/exercises/01-nudge.cs
//      It prints, for h = 0.1 down to 10⁻¹⁵, how far each estimate is from the true slope.
//   3. Read that table and write down the h that gave the smallest error for each estimate.
// Every part is checked below this section: PASS, or FAIL with a hint. A solution is in
// docs/exercises/solutions/01-nudge.cs; try first.

Console.OutputEncoding = System.Text.Encoding.UTF8; // ′, ³ and ⁻ print correctly on every console

// ---- Your code: from here ----
static double FPrime(double x) => throw new NotImplementedException(); // f′(x), by calculus

static double ForwardDifference(Func<double, double> f, double x, double h) => throw new NotImplementedException();

static double CentralDifference(Func<double, double> f, double x, double h) => throw new NotImplementedException();

double bestForwardH = 0; // the h of the smallest error in the table's "forward" column
double bestCentralH = 0; // the h of the smallest error in the table's "central" column
// ---- Your code: up to here ----

// ======================================= The checker: no need to change anything below this line.
var check = new Checker();
check.That("FPrime(2) = 8 and FPrime(0) = -4", () => FPrime(2) == 8 && FPrime(0) == -4,
    "differentiate term by term: the derivative of x³ is 3x², that of 4x is 4.");
check.That("ForwardDifference is (f(x + h) - f(x)) / h", () => Close(ForwardDifference(Math.Exp, 0, 1e-3), 1.0005001667083846),
    "nudge forward only: evaluate f at x + h and at x, and divide the difference by h.");
check.That("CentralDifference is (f(x + h) - f(x - h)) / 2h", () => Close(CentralDifference(Math.Exp, 0, 1e-3), 1.0000001666666750),
    "nudge both ways: evaluate f at x + h and at x - h, and divide the difference by the distance 2h.");

static double F(double x) => (x * x * x) - (4 * x);
double[] steps = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15];
var errors = new List<(double H, double Forward, double Central)>();
try
{
    Console.WriteLine();
    Console.WriteLine("    h     error of forward   error of central");
    foreach (double h in steps)
    {
        double forward = Math.Abs(ForwardDifference(F, 2, h) - FPrime(2));
        double central = Math.Abs(CentralDifference(F, 2, h) - FPrime(2));
        errors.Add((h, forward, central));
        Console.WriteLine($"{h,7:0e0}  {forward,16:0.00e+00}  {central,16:0.00e+00}");
    }

    Console.WriteLine();
}
catch (NotImplementedException)
{
    Console.WriteLine("(the table needs FPrime, ForwardDifference and CentralDifference)");
    Console.WriteLine();
}

check.That($"bestForwardH = {bestForwardH:0e0} has the smallest forward error", () => IsBest(errors.Select(e => (e.H, e.Forward)), bestForwardH),
    "going down the forward column the error first shrinks 10 times per row (it is about 6h: half of f″(2) = 12, times h), then grows again. Pick the h where it is smallest.");
check.That($"bestCentralH = {bestCentralH:0e0} has the smallest central error", () => IsBest(errors.Select(e => (e.H, e.Central)), bestCentralH),
    "the central error shrinks 100 times per row (it is about h²) until rounding takes over, so its best h is larger than the forward one's.");
Console.WriteLine("""

    Why the error grows again: f(2 + h) and f(2) agree in more and more leading digits as h shrinks, and subtracting
    them cancels those digits, leaving mostly rounding noise (about 1e-16 of f's size), which the division by h then
    magnifies. Truncation (the curve's bend) wins for large h, cancellation for tiny h. Backward() has neither
    problem: it never subtracts nearby values and never divides by h.
    """);
return check.Finish();

static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected));

// The chosen h is one of the table's rows, and its error is at most twice the smallest one.
static bool IsBest(IEnumerable<(double H, double Error)> column, double chosen)
{
    var rows = column.ToList();
    if (rows.Count == 0)
    {
        return false;
    }

    double smallest = rows.Min(r => r.Error);
    return rows.Any(r => Math.Abs(r.H - chosen) <= 1e-9 * r.H && r.Error <= 2 * smallest);
}

/// <summary>Prints PASS or FAIL, with a hint, for each check, and sums them up.</summary>
sealed class Checker
{
    private int _passed;
    private int _failed;

    public void That(string what, Func<bool> passes, string hint) => That(what, passes, () => hint);

    // The hint is made after the check has run, so it can say what your code returned.
    public void That(string what, Func<bool> passes, Func<string> hint)
    {
        string? problem = null;
        bool ok;
        try
        {
            ok = passes();
        }
        catch (NotImplementedException)
        {
            ok = false;
            problem = "not written yet";
        }
        catch (Exception e)
        {
            ok = false;
            problem = $"{e.GetType().Name}: {e.Message}";
        }

        if (ok)
        {
            _passed++;
            Console.WriteLine($"PASS  {what}");
            return;
        }

        _failed++;
        Console.WriteLine($"FAIL  {what}{(problem is null ? string.Empty : $" ({problem})")}");
        Console.WriteLine($"      hint: {hint()}");
    }

    public int Finish()
    {
        Console.WriteLine(_failed == 0
            ? $"All {_passed} checks pass. Well done!"
            : $"{_failed} of {_passed + _failed} checks fail. Fix the first FAIL and run again.");
        return _failed == 0 ? 0 : 1;
    }
}
