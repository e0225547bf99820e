/** A download progress bar on stderr; redrawn at most every 100 ms. */
export function createProgressBar(label: string): {
  update(received: number, total: number | null): void;
  done(): void;
} {
  let last = 0;
  let drawn = false;
  const render = (received: number, total: number | null): void => {
    const mib = (bytes: number) => (bytes / 1_048_576).toFixed(1);
    if (total && total > 0) {
      const share = Math.min(1, received / total);
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1)}% ${mib(received)}/${mib(total)} MiB`,
      );
    } else {
      process.stderr.write(`\r${label} ${mib(received)} MiB`);
    }
  };
  return {
    update(received, total) {
      const time = Date.now();
      if (time - last < 100) return;
      last = time;
      drawn = true;
      render(received, total);
    },
    /** Ends the bar's line, if one was drawn, so later output starts on a fresh line. */
    done() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}
