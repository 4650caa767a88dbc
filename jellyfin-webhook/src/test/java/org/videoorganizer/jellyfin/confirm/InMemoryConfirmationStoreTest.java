package org.videoorganizer.jellyfin.confirm;

class InMemoryConfirmationStoreTest extends ConfirmationStoreContract {

  @Override
  protected ConfirmationStore newStore() {
    return new InMemoryConfirmationStore();
  }
}
