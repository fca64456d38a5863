namespace MatGenDiscovery.NeuralNetworks.Benchmarks;

/// <summary>Timed WGAN-GP steps: samples/s = Batch·Steps / Seconds.</summary>
public sealed record TrainStepMeasurement(TrainStepModel Model, int Batch, int Steps, double Seconds)
{
    public double SamplesPerSecond => Batch * (double)Steps / Seconds;
}
