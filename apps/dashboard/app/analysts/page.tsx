import type { Metadata } from "next";
import { DataProblem } from "@/components/DataProblem";
import { DownloadLink } from "@/components/DownloadLink";
import { SpeakerTable } from "@/components/SpeakerTable";
import { pageContext } from "@/lib/page-context";

export const metadata: Metadata = { title: "Analysts" };

export default async function AnalystsPage() {
  const page = await pageContext();
  if (page.kind !== "ok") return <DataProblem problem={page} />;
  const { data, labels, speakers } = page.ctx;
  const sv = labels.lang === "sv";
  return (
    <>
      <h1>{sv ? "Analytiker och andra talare" : "Analysts and other speakers"}</h1>
      <SpeakerTable rows={speakers.compared} caption={sv ? "Jämförda analytiker" : "Compared analysts"} labels={labels} color={speakers.color} />
      <SpeakerTable rows={speakers.all.filter((s) => !s.compared)} caption={sv ? "Övriga talare" : "Other speakers"} labels={labels} />
      <DownloadLink table="speakers" lang={labels.lang} label={sv ? "talare" : "speakers"} />
    </>
  );
}
