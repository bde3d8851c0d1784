namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// Marks a static method whose rule is written once as an expression (the static field named here, of type
/// <c>Expression&lt;Func&lt;...&gt;&gt;</c>): in memory the method runs the compiled expression; in a database query
/// the persistence layer replaces the call by the expression itself, so the database computes the same rule.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class QueryExpressionAttribute(string expressionField) : Attribute
{
    public string ExpressionField { get; } = expressionField;
}
