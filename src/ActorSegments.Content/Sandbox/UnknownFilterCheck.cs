using Fluid;
using Fluid.Ast;

namespace ActorSegments.Content.Sandbox;

/// <summary>
/// Finds the first filter the options do not define. Liquid ignores an unknown filter when rendering, so a misspelt
/// <c>| defualt: "there"</c> would silently send the raw value; this reports it when the template is parsed, at the
/// statement that uses it.
/// </summary>
internal sealed class UnknownFilterCheck(FilterCollection filters) : AstVisitor
{
    private readonly Stack<Statement> _statements = new();

    public (string Name, int Offset)? First { get; private set; }

    public override Statement Visit(Statement statement)
    {
        _statements.Push(statement);
        try
        {
            return base.Visit(statement);
        }
        finally
        {
            _statements.Pop();
        }
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        ArgumentNullException.ThrowIfNull(filterExpression);
        if (First is null && !filters.TryGetValue(filterExpression.Name, out _))
        {
            // Statement offsets are an evaluation API of Fluid (FLUID001); the package version is pinned and a test
            // checks the positions, so a change in them fails a build rather than misplacing errors unnoticed.
#pragma warning disable FLUID001
            First = (filterExpression.Name, _statements.Count > 0 ? _statements.Peek().SourceOffset : 0);
#pragma warning restore FLUID001
        }

        return base.VisitFilterExpression(filterExpression);
    }
}
