import { filingBlocks, inlineRuns } from '@habeas/contracts';
import { Box, Paper, Text } from '@mantine/core';
import { Fragment } from 'react';

const MISSING = /(\[\[[\w.]+: \?\]\])/;

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineRuns(text).map((run, index) => (
        <Fragment key={index}>
          {run.text.split(MISSING).map((part, i) =>
            MISSING.test(part) ? (
              <Box key={i} component="mark" bg="orange.1" c="orange.9" px={2}>
                {part}
              </Box>
            ) : (
              <Box key={i} component="span" fw={run.bold ? 700 : undefined}>
                {part}
              </Box>
            ),
          )}
        </Fragment>
      ))}
    </>
  );
}

/** The draft laid out as the filing will print: addressee top right, centred title, indented paragraphs, signature lines. */
export function DraftPreview({ draft }: { draft: string }) {
  return (
    <Paper withBorder p="xl" data-testid="draft-preview" style={{ fontFamily: '"Times New Roman", Times, serif', fontSize: 16, lineHeight: 1.35 }}>
      {filingBlocks(draft).map((block, index) => {
        switch (block.kind) {
          case 'addressee':
            return (
              <Box key={index} ml="50%" mb="md">
                {block.lines.map((line, i) => (
                  <div key={i}>
                    <Inline text={line} />
                  </div>
                ))}
              </Box>
            );
          case 'title':
            return (
              <Text key={index} ta="center" fw={700} mt="md" inherit>
                {block.text}
              </Text>
            );
          case 'subtitle':
            return (
              <Text key={index} ta="center" mb="sm" inherit>
                <Inline text={block.text} />
              </Text>
            );
          case 'signature':
            return (
              <Box key={index} mt="lg">
                {block.rows.map((row, i) => (
                  <Box key={i} style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }} mt="xs">
                    <span>
                      <Inline text={row.left} />
                    </span>
                    <span>
                      <Inline text={row.right} />
                    </span>
                  </Box>
                ))}
              </Box>
            );
          default:
            return (
              <Text key={index} inherit ta="justify" style={{ textIndent: '1.25cm' }}>
                <Inline text={block.kind === 'item' ? `${block.marker} ${block.text}` : block.text} />
              </Text>
            );
        }
      })}
    </Paper>
  );
}
