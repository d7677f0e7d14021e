import { defineModule } from '#app/core/modules/manifest'

/*
 * The documents module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'documents',
  toggleable: true,
  label: { en: 'Documents', ru: 'Документы', fa: 'اسناد' },
  permissions: [
    {
      key: 'documents.files.view',
      label: { en: 'View documents', ru: 'Просмотр документов', fa: 'مشاهده اسناد' },
      scopes: ['own', 'subtree', 'companies'],
    },
    {
      key: 'documents.files.manage',
      label: { en: 'Upload and manage documents', ru: 'Загрузка документов', fa: 'بارگذاری اسناد' },
      scopes: ['own', 'subtree'],
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['documents.files.view', 'documents.files.manage'],
    },
  },
})
