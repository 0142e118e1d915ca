import nock from 'nock';

// Tests never touch the network; loopback stays open for the workbench's own server.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});
