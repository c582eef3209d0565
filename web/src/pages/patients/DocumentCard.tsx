import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Image,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { documentsKey, fetchBytes, retireDocument, useDocumentUrl } from "../../api/documents";
import { ErrorNotice } from "../../components/Status";
import {
  documentName,
  downloadName,
  fileSize,
  isImage,
  KIND_LABEL,
  refusalOf,
  type DocumentRecord,
} from "../../lib/documents";
import { dateTime } from "../../lib/time";
import { useStaffName } from "./queries";

const THUMBNAIL_PX = 72;

/** An image's thumbnail (fetched with the session's token), or the word for a PDF. */
export function Thumbnail({
  document,
  size = THUMBNAIL_PX,
}: {
  document: DocumentRecord;
  size?: number;
}) {
  const thumbnail = useDocumentUrl(document.document_id, "thumbnail", document.has_thumbnail);
  const frame = { w: size, h: size, style: { flex: "none", borderRadius: 4 } };
  if (!document.has_thumbnail || thumbnail.error) {
    return (
      <Center {...frame} bg="gray.1" aria-hidden>
        <Text size="sm" fw={600} c="gray.8">
          {document.content_type === "application/pdf" ? "PDF" : "—"}
        </Text>
      </Center>
    );
  }
  if (!thumbnail.url) return <Skeleton {...frame} />;
  return (
    <Image
      src={thumbnail.url}
      alt={`Preview: ${documentName(document)}`}
      {...frame}
      fit="contain"
      bg="gray.1"
    />
  );
}

/** Save a blob under a name: the browser's download, from an object URL let go soon after. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(window.document.createElement("a"), { href: url, download: name });
  link.click();
  // The download has started from the URL by then; a minute spares slow machines.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ImageViewer({ document, onClose }: { document: DocumentRecord; onClose: () => void }) {
  const phone = useMediaQuery("(max-width: 36em)");
  const content = useDocumentUrl(document.document_id, "content");
  const name = documentName(document);
  return (
    <Modal
      opened
      onClose={onClose}
      title={name}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <Stack>
        {content.error ? (
          <Text role="alert" c="red.9">
            {refusalOf(content.error)}
          </Text>
        ) : content.url ? (
          <>
            <Image src={content.url} alt={name} fit="contain" mah="70vh" />
            <Anchor href={content.url} download={downloadName(document)}>
              Download ({fileSize(document.size_bytes)})
            </Anchor>
          </>
        ) : (
          <Skeleton h={240} />
        )}
      </Stack>
    </Modal>
  );
}

/**
 * Images open in a viewer on the page. A PDF is saved, to open in the device's own viewer: the
 * same on every browser and phone, and never a page of the app's origin.
 */
export function OpenDocument({ document }: { document: DocumentRecord }) {
  const [viewing, setViewing] = useState(false);
  const download = useMutation({
    mutationFn: () => fetchBytes(document.document_id, "content"),
    onSuccess: (blob) => save(blob, downloadName(document)),
  });
  const label = `${isImage(document) ? "Open" : "Download"} ${documentName(document)}`;
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={label}
        loading={download.isPending}
        onClick={() => (isImage(document) ? setViewing(true) : download.mutate())}
      >
        {isImage(document) ? "Open" : "Download"}
      </Button>
      {viewing && <ImageViewer document={document} onClose={() => setViewing(false)} />}
      {download.error && (
        <Text size="sm" role="alert" c="red.9">
          {refusalOf(download.error)}
        </Text>
      )}
    </>
  );
}

/** Retire (DELETE) after a confirmation. Admins only. */
function RetireDocument({ document }: { document: DocumentRecord }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const retire = useMutation({
    mutationFn: () => retireDocument(document.document_id),
    onSuccess: () => {
      close();
      return queryClient.invalidateQueries({ queryKey: documentsKey(document.patient_id) });
    },
  });
  const name = documentName(document);
  return (
    <>
      <Button size="xs" color="red" variant="outline" onClick={open} aria-label={`Retire ${name}`}>
        Retire
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          retire.reset();
          close();
        }}
        title="Retire this document?"
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <Stack>
          <ErrorNotice error={retire.error} />
          <Text>
            {name} will disappear from the patient's documents. The file is kept for the retention
            period, like every record of the chart. This cannot be undone here.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep the document
            </Button>
            <Button color="red" loading={retire.isPending} onClick={() => retire.mutate()}>
              Retire document
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Documents as a list of cards: one column on a phone, up to three on a desk. */
export function DocumentGrid({
  label,
  documents,
  zone,
  canRetire = false,
  busy = false,
}: {
  label: string;
  documents: DocumentRecord[];
  zone: string;
  canRetire?: boolean;
  busy?: boolean;
}) {
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2, lg: 3 }}
      m={0}
      p={0}
      style={{ listStyle: "none" }}
      aria-label={label}
      aria-busy={busy}
    >
      {documents.map((document) => (
        <DocumentCard
          key={document.document_id}
          document={document}
          zone={zone}
          canRetire={canRetire}
        />
      ))}
    </SimpleGrid>
  );
}

/** One document: its preview, what it is, who uploaded it when, and what may be done with it. */
function DocumentCard({
  document,
  zone,
  canRetire,
}: {
  document: DocumentRecord;
  zone: string;
  canRetire: boolean;
}) {
  const staffName = useStaffName();
  return (
    <Paper withBorder p="sm" component="li">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Thumbnail document={document} />
        <Stack gap={2} miw={0}>
          <Group gap={6}>
            <Badge variant="light" color="indigo" c="dark.8" tt="none">
              {KIND_LABEL[document.kind]}
            </Badge>
          </Group>
          {document.title && (
            <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
              {document.title}
            </Text>
          )}
          <Text size="sm">
            {[
              fileSize(document.size_bytes),
              staffName(document.uploaded_by_user_id),
              dateTime(document.uploaded_at, zone),
            ].join(" · ")}
          </Text>
          <Group gap="xs" mt={4}>
            <OpenDocument document={document} />
            {canRetire && <RetireDocument document={document} />}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
