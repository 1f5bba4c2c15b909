using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Grains.Experiments;
using Google.Protobuf.WellKnownTypes;
using P = ActorSegments.Protos.V1;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Experiment results and the effectiveness report as protobuf messages. Each metric carries the figures of its kind
/// only: conversion and retention the conversion ones, revenue the revenue ones (the Domain computes both from the
/// same totals, and the other kind's would read as nonsense).
/// </summary>
internal static class ExperimentResultsMapping
{
    public static P.GetExperimentResultsResponse ToProto(ExperimentReadout readout)
    {
        var definition = readout.Experiment.Definition;
        var response = new P.GetExperimentResultsResponse
        {
            Experiment = ExperimentMapping.ToProto(readout.Experiment),
            SampleRatioMismatch = ToProto(ExperimentReportFigures.SampleRatio(readout)),
            AsOf = Timestamp.FromDateTimeOffset(readout.AsOf),
        };
        response.Reach.AddRange(readout.Reach.Select(r => ToProto(r, definition.Arm(r.Arm)?.Weight ?? 0)));
        response.Metrics.AddRange(readout.Metrics.Select(ToProto));
        return response;
    }

    public static P.ExperimentReportEntry ToProto(ExperimentReportEntry entry)
    {
        var proto = new P.ExperimentReportEntry
        {
            Rank = entry.Rank,
            ExperimentId = entry.Experiment.Id,
            Name = entry.Experiment.Definition.Name,
            Channel = entry.Experiment.Definition.Channel,
            Status = ExperimentMapping.ToProto(entry.Experiment.Status),
            Metric = entry.Metric.Name,
            MetricKind = ExperimentMapping.ToProto(entry.Metric).Kind,
            ControlArm = entry.ControlArm,
            BestArm = entry.BestArm,
            RelativeLift = ToProto(entry.RelativeLift),
            Assigned = entry.Reach.Assigned,
            Targeted = entry.Reach.Targeted,
            RevenueMetric = entry.RevenueMetric ?? string.Empty,
            SampleRatioMismatch = entry.SampleRatioMismatch,
            Verdict = entry.Verdict,
        };
        SetIf(entry.Reach.TargetedShare, v => proto.TargetedShare = v);
        SetIf(entry.RevenuePerCustomer, v => proto.RevenuePerCustomer = v);
        SetIf(entry.ControlRevenuePerCustomer, v => proto.ControlRevenuePerCustomer = v);
        proto.StrategyVerdicts.AddRange(entry.StrategyVerdicts.Select(v => new P.StrategyVerdict
        {
            Arm = v.Arm,
            OtherArm = v.OtherArm,
            RelativeLift = ToProto(v.RelativeLift),
            Significant = v.Significant,
            Verdict = v.Verdict,
        }));
        return proto;
    }

    public static P.Effect? ToProto(Effect? effect)
    {
        if (effect is null)
        {
            return null;
        }

        var proto = new P.Effect
        {
            Inference = effect.Kind == InferenceKind.AlwaysValid ? P.InferenceKind.AlwaysValid : P.InferenceKind.FixedHorizon,
            Estimate = effect.Estimate,
            Interval = ToProto(effect.Interval),
        };
        SetIf(effect.PValue, v => proto.PValue = v);
        SetIf(effect.AdjustedPValue, v => proto.AdjustedPValue = v);
        return proto;
    }

    private static P.ArmReach ToProto(ArmReach reach, double weight)
    {
        var proto = new P.ArmReach { Arm = reach.Arm, Control = reach.Control, Weight = weight, Assigned = reach.Assigned, Targeted = reach.Targeted };
        SetIf(reach.TargetedShare, v => proto.TargetedShare = v);
        return proto;
    }

    private static P.MetricResults ToProto(MetricReadout readout)
    {
        var conversion = readout.Metric.Kind != MetricKind.Revenue;
        var proto = new P.MetricResults { Metric = ExperimentMapping.ToProto(readout.Metric), Primary = readout.Primary, ControlArm = readout.Results.Control };
        proto.Arms.AddRange(readout.Results.Arms.Select(a => ToProto(a, conversion)));
        proto.Comparisons.AddRange(readout.Results.Comparisons.Select(c => new P.ArmComparison
        {
            Arm = c.Arm,
            Control = c.Control,
            ConversionLift = conversion ? ToProto(c.ConversionLift) : null,
            RelativeConversionLift = conversion ? ToProto(c.RelativeConversionLift) : null,
            RevenueDifference = conversion ? null : ToProto(c.RevenueDifference),
            AlwaysValidConversionLift = conversion ? ToProto(c.AlwaysValidConversionLift) : null,
            AlwaysValidRevenueDifference = conversion ? null : ToProto(c.AlwaysValidRevenueDifference),
        }));
        return proto;
    }

    private static P.ArmSummary ToProto(ArmSummary summary, bool conversion)
    {
        var proto = new P.ArmSummary { Arm = summary.Arm, Customers = summary.Customers };
        if (conversion)
        {
            proto.Conversions = summary.Conversions;
            SetIf(summary.ConversionRate, v => proto.ConversionRate = v);
            proto.ConversionRateInterval = ToProto(summary.ConversionRateInterval);
        }
        else
        {
            SetIf(summary.RevenuePerCustomer, v => proto.RevenuePerCustomer = v);
            proto.RevenuePerCustomerInterval = ToProto(summary.RevenuePerCustomerInterval);
        }

        return proto;
    }

    private static P.SampleRatioMismatch ToProto(SampleRatioMismatch check) => new()
    {
        ChiSquare = check.ChiSquare,
        DegreesOfFreedom = check.DegreesOfFreedom,
        PValue = check.PValue,
        Mismatch = check.IsMismatch,
        Threshold = SampleRatioMismatch.Threshold,
    };

    private static P.ConfidenceInterval? ToProto(ConfidenceInterval? interval) =>
        interval is null ? null : new P.ConfidenceInterval { Low = interval.Lower, High = interval.Upper, Level = interval.Level };

    /// <summary>Sets an optional field only when there is a value, so its absence stays visible on the wire.</summary>
    private static void SetIf(double? value, Action<double> set)
    {
        if (value is { } present)
        {
            set(present);
        }
    }
}
