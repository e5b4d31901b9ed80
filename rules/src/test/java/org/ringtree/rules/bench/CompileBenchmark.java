package org.ringtree.rules.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.FlowRuntime;
import org.ringtree.rules.flow.FlowDocument;

/** Publish cost: validate + compile a flow, then build its KieBase and DMN runtime. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class CompileBenchmark {

  @Param({"20", "200"})
  public int nodes;

  private FlowDocument flow;
  private DirectorySnapshot directory;

  @Setup(Level.Trial)
  public void setUp() {
    flow = BenchFlows.flow(nodes);
    directory = BenchFlows.directory();
  }

  @Benchmark
  public FlowRuntime compileAndBuild() {
    CompiledFlow compiled = FlowCompiler.compile(flow, directory).orElseThrow();
    return FlowRuntime.build(compiled);
  }

  @Benchmark
  public CompiledFlow compileOnly() {
    return FlowCompiler.compile(flow, directory).orElseThrow();
  }
}
