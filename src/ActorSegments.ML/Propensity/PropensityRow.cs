using Microsoft.ML;
using Microsoft.ML.Data;

namespace ActorSegments.ML.Propensity;

/// <summary>One feature row and its outcome, as ML.NET reads it.</summary>
internal sealed class PropensityRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>
    /// The row's schema with the feature vector's width: the width is the feature layout's, known only at run time,
    /// and trainers need a fixed-size vector.
    /// </summary>
    public static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(PropensityRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    public static IDataView Load(MLContext context, IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, int width) =>
        context.Data.LoadFromEnumerable(rows.Select((row, i) => new PropensityRow { Features = row, Label = labels[i] }), Schema(width));
}
