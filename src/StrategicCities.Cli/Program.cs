using StrategicCities.Cli;

return await PermitsCli.RunAsync(args, Console.Out, Console.Error, Console.In);
