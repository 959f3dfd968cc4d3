import type { DataProblem as Problem } from "@/lib/data";

/** The page shown instead of a view when artifacts are missing or do not match their schema. */
export function DataProblem({ problem }: { problem: Problem }) {
  if (problem.kind === "missing") {
    return (
      <section aria-labelledby="problem-title" className="problem">
        <h1 id="problem-title">No pipeline output yet</h1>
        <p>
          The dashboard reads the artifacts in <code>{problem.out}</code>, but these are missing:
        </p>
        <ul>
          {problem.files.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
        <p>
          Run <code>pnpm pipeline</code> at the repository root to produce them, then reload this page. To read another folder, set{" "}
          <code>VIEWPOINTS_OUT</code>.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="problem-title" className="problem" role="alert">
      <h1 id="problem-title">An artifact is invalid</h1>
      <p>
        <code>{problem.file}</code> does not match its schema:
      </p>
      <pre className="problem-detail">{problem.message}</pre>
      <p>
        Re-run <code>pnpm pipeline</code> to rewrite it, or fix the file by hand, then reload this page.
      </p>
    </section>
  );
}
