using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project tests/StrategicCities.Benchmarks -- --filter '*'
// One:     dotnet run -c Release --project tests/StrategicCities.Benchmarks -- --filter '*Determination*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
