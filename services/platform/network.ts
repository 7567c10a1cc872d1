type NetworkStatus = { isConnected: boolean };

/**
 * Calls `onOnline` whenever the device reports a connection again (my.onNetworkStatusChange), so a page
 * that failed to load can try again by itself. Returns the function that stops listening (call it on unload).
 */
export function whenOnline(onOnline: () => void): () => void {
  const listener = (status: NetworkStatus) => {
    if (status.isConnected) onOnline();
  };
  my.onNetworkStatusChange(listener);
  return () => my.offNetworkStatusChange(listener);
}
