using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// Before EF Core translates a query, replaces every call to a method marked <see cref="QueryExpressionAttribute"/>
/// (e.g. <c>p.CountedProvincialShare()</c>) by the body of the expression that method compiles, so a rule written
/// once in the domain is computed by the database in the same words (ADR 0160). Runs once per query shape: EF Core
/// caches the translated query.
/// </summary>
public sealed class QueryExpressionInterceptor : IQueryExpressionInterceptor
{
    public static QueryExpressionInterceptor Instance { get; } = new();

    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression?> Rules = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Expander().Visit(queryExpression);

    /// <summary>The expression a marked method stands for, or null for any other method.</summary>
    public static LambdaExpression? RuleOf(MethodInfo method) => Rules.GetOrAdd(method, static m =>
    {
        var attribute = m.GetCustomAttribute<QueryExpressionAttribute>();
        if (attribute is null)
        {
            return null;
        }

        var field = m.DeclaringType!.GetField(attribute.ExpressionField, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{m.DeclaringType.Name}.{m.Name} names the missing expression {attribute.ExpressionField}.");
        var rule = (LambdaExpression)field.GetValue(null)!;
        if (rule.Parameters.Count != m.GetParameters().Length || rule.ReturnType != m.ReturnType)
        {
            throw new InvalidOperationException($"{m.DeclaringType.Name}.{attribute.ExpressionField} does not have the shape of {m.Name}.");
        }

        return rule;
    });

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var rule = RuleOf(node.Method);
            if (rule is null)
            {
                return base.VisitMethodCall(node);
            }

            var arguments = node.Arguments.Select(a => Visit(a)!).ToList();
            var body = new ParameterReplacer(rule.Parameters, arguments).Visit(rule.Body);
            return Visit(body);
        }
    }

    private sealed class ParameterReplacer(IList<ParameterExpression> parameters, IList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            var index = parameters.IndexOf(node);
            return index >= 0 ? arguments[index] : node;
        }
    }
}
