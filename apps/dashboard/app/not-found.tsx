import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is nothing at this address in the current pipeline output. <Link href="/">Back to the overview</Link>.
      </p>
    </>
  );
}
