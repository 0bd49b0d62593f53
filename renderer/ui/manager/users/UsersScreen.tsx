import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import type { Station } from '../../../app/station';
import { useRecordList } from '../common/useRecordList';
import { PageBar, Segmented, TextField, Toggle } from '../common/fields';
import { FormActions, useRecordForm } from '../common/form';
import { ListTable } from '../common/ListTable';
import { PinPad } from '../common/PinPad';
import { saveUser, useUsers } from '../../../app/catalog-admin';
import { shown } from '../../../hooks/useLoadable';
import { userDraftFrom, userFormFrom, type UserField, type UserForm as Form } from '../logic/forms';
import type { ManagerPageProps } from '../route';

type View = { kind: 'list' } | { kind: 'edit'; user: UserEntity | null };

/** Operators and managers who sign in at this kiosk with their PIN. */
export function UsersScreen({ station, user, onHome }: ManagerPageProps) {
  const { t } = useTranslation('manager');
  const { view, show, generation, notice, formDone } = useRecordList<View>({ kind: 'list' });
  const users = useUsers(station, generation);
  const rows = shown(users) ?? [];

  if (view.kind === 'edit') {
    return (
      <UserForm
        station={station}
        by={user}
        user={view.user}
        onDone={formDone((saved) => t('users.saved', { name: saved.name }))}
      />
    );
  }

  const columns = [
    { label: t('users.colName') },
    { label: t('users.colRole') },
    { label: t('users.colStatus') },
    { label: t('users.colActions'), hidden: true },
  ];
  return (
    <div className="mgr__page" data-testid="users-screen">
      <PageBar title={t('users.title')} onBack={onHome} backLabel={t('common.home')}>
        <button type="button" className="btn btn--primary" onClick={() => show({ kind: 'edit', user: null })} data-testid="user-new">{t('users.new')}</button>
      </PageBar>
      {notice ? <Banner tone="ok" testId="users-notice">{notice}</Banner> : null}
      {users.status === 'failed' ? <Banner tone="error">{t('users.loadFailed', { message: users.message })}</Banner> : null}
      <p className="muted">{t('users.about')}</p>
      <ListTable columns={columns} testId="users-table">
        {rows.map((u) => (
          <tr key={u.id} className={u.active ? undefined : 'is-inactive'} data-testid="user-row">
            <td>
              <div className="mtable__name">{u.name}</div>
              {u.id === user.id ? <div className="mtable__meta">{t('users.you')}</div> : null}
            </td>
            <td>{t(`users.roles.${u.role}`)}</td>
            <td>{u.active ? t('users.active') : <span className="badge badge--off">{t('common.inactive')}</span>}</td>
            <td className="mtable__actions">
              <button type="button" className="btn btn--secondary btn--small" onClick={() => show({ kind: 'edit', user: u })} data-testid="user-edit">{t('common.edit')}</button>
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}

function UserForm({ station, by, user, onDone }: { station: Station; by: UserEntity; user: UserEntity | null; onDone: (saved: UserEntity | null) => void }) {
  const { t } = useTranslation('manager');
  const { form, set, errors, save, submit: write } = useRecordForm<Form, UserField>(() => userFormFrom(user));
  const [changingPin, setChangingPin] = useState(user === null);
  const submit = () => write(userDraftFrom(form), (draft) => saveUser(station, by, draft), onDone);

  return (
    <div className="mgr__page" data-testid="user-form">
      <PageBar title={user ? t('users.editTitle', { name: user.name }) : t('users.newTitle')} onBack={() => onDone(null)} backLabel={t('users.back')} />
      {save.status === 'refused' ? <Banner tone="error" testId="user-form-error">{save.message}</Banner> : null}
      <div className="mform">
        <div className="panel mform__fields mform__fields--single">
          <TextField label={t('users.name')} value={form.name} onChange={(v) => set('name', v)} error={errors.name} testId="user-name" maxLength={60} />
          <Segmented
            label={t('users.role')}
            value={form.role}
            options={[{ value: 'operator', label: t('users.roles.operator') }, { value: 'manager', label: t('users.roles.manager') }]}
            onChange={(role) => set('role', role)}
            hint={form.role === 'manager' ? t('users.managerHint') : t('users.operatorHint')}
            testId="user-role"
          />
          <Toggle
            label={t('users.status')}
            checked={form.active}
            onChange={(v) => set('active', v)}
            onText={t('users.activeYes')}
            offText={t('users.activeNo')}
            hint={t('users.activeHint')}
            testId="user-active"
          />
        </div>
        <aside className="mform__side">
          {changingPin ? (
            <PinPad label={t('users.pin')} pin={form.pin} onChange={(pin) => set('pin', pin)} error={errors.pin} hint={t('users.pinHint')} testId="user-pin" />
          ) : (
            <div className="mfield">
              <span className="mfield__label">{t('users.pin')}</span>
              <p>{t('users.pinKept')}</p>
              <button type="button" className="btn btn--secondary" onClick={() => setChangingPin(true)} data-testid="user-change-pin">{t('users.changePin')}</button>
            </div>
          )}
          <FormActions save={save} saveLabel={user ? t('users.save') : t('users.create')} onSave={() => void submit()} onCancel={() => onDone(null)} testId="user-save" />
        </aside>
      </div>
    </div>
  );
}
