import { Text } from '@mantine/core';
import { snippetStart, snippetStop } from '@habeas/contracts';

/** A search snippet from the API; the hits between «« and »» become <mark>, everything else stays plain text. */
export function Snippet(props: { text: string }) {
  const parts = props.text.split(snippetStart);
  return (
    <Text size="sm" c="dimmed" data-testid="snippet">
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{part}</span>;
        const [hit, ...rest] = part.split(snippetStop);
        return (
          <span key={index}>
            <mark>{hit}</mark>
            {rest.join(snippetStop)}
          </span>
        );
      })}
    </Text>
  );
}
