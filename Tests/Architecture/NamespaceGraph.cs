using System.Reflection;
using System.Reflection.Emit;

namespace SupervisionBot.Tests.Architecture;

/// <summary>
/// Which folders (first namespace segment under a root) of an assembly use which others, read from the
/// compiled code rather than from <c>using</c> lines: signatures, base types, attributes, locals and
/// every type, method and field a method body names, compiler-made types (lambdas, async state
/// machines) counted with the type that made them. So a fully qualified name, a relative one
/// (<c>Forms.FormDefinition</c>) or an alias cannot hide a dependency. Constants and enum values the
/// compiler copies into the caller leave no trace; those are not dependencies at run time either.
/// </summary>
public sealed class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    private readonly Dictionary<(string From, string To), string> edges = [];

    static NamespaceGraph()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (value < 0x100)
            {
                OneByte[value] = code;
            }
            else if ((value & 0xff00) == 0xfe00)
            {
                TwoByte[value & 0xff] = code;
            }
        }
    }

    private NamespaceGraph(string root) => Root = root;

    public string Root { get; }

    /// <summary>One example per edge of where it comes from ("Type → Type"), for a readable failure.</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges => edges;

    public static NamespaceGraph Of(Assembly assembly, string root)
    {
        var graph = new NamespaceGraph(root);
        foreach (var type in assembly.GetTypes())
        {
            if (graph.FolderOf(type) is not { } from)
            {
                continue;
            }
            foreach (var used in TypesUsedBy(type))
            {
                if (graph.FolderOf(used) is { } to && to != from)
                {
                    graph.edges.TryAdd((from, to), $"{type.FullName} → {used.FullName}");
                }
            }
        }
        return graph;
    }

    /// <summary>A cycle as its folders in order (the first repeated at the end), or null when the graph has none.</summary>
    public static IReadOnlyList<string>? FindCycle(IEnumerable<(string From, string To)> graphEdges)
    {
        var next = graphEdges.GroupBy(e => e.From, e => e.To).ToDictionary(g => g.Key, g => g.OrderBy(n => n, StringComparer.Ordinal).ToList());
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var start in next.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        List<string>? Visit(string node)
        {
            var onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                return [.. path.Skip(onPath), node];
            }
            if (!done.Add(node))
            {
                return null;
            }
            path.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (Visit(to) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private string? FolderOf(Type type)
    {
        var ns = type.Namespace;
        if (ns == Root)
        {
            return "(root)";
        }
        return ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;
    }

    /// <summary>Every type <paramref name="type"/> names in its declaration and its code.</summary>
    public static IReadOnlySet<Type> TypesUsedBy(Type type)
    {
        var used = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !used.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
            if (t.IsGenericType)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }
        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add(attribute.AttributeType);
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }
            foreach (var named in NamedInBody(type, method))
            {
                Add(named);
            }
        }
        return used;
    }

    /// <summary>The types a method body names: its locals, and the types, methods and fields its instructions refer to.</summary>
    private static IEnumerable<Type> NamedInBody(Type type, MethodBase method)
    {
        if (method.GetMethodBody() is not { } body || body.GetILAsByteArray() is not { } il)
        {
            yield break;
        }
        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xfe ? TwoByte[il[++position]] : OneByte[il[position]];
            position++;
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                    switch (member)
                    {
                        case Type named:
                            yield return named;
                            break;
                        case FieldInfo field:
                            yield return field.DeclaringType!;
                            yield return field.FieldType;
                            break;
                        case MethodBase called:
                            yield return called.DeclaringType!;
                            if (called is MethodInfo { IsGenericMethod: true } generic)
                            {
                                foreach (var argument in generic.GetGenericArguments())
                                {
                                    yield return argument;
                                }
                            }
                            break;
                    }
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
